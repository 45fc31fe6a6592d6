import { V1Pod } from '@kubernetes/client-node';
import { readRolloutStatusConfig } from '../config/readRolloutStatusConfig';
import { TargetReadings } from '../engine/types';
import { PgBouncerState } from '../sources/pgbouncer';
import { BootHistory, bootOf } from './bootTime';
import { poolCheck } from './pool';
import { bootBudgetSeconds } from './probeKills';

const podStartedAt = (started: string, readyAt: string): V1Pod => ({
  metadata: { name: 'web-1', uid: 'uid-web-1' },
  status: {
    containerStatuses: [
      {
        name: 'web',
        image: 'web:1',
        imageID: '',
        ready: true,
        restartCount: 0,
        state: { running: { startedAt: new Date(started) } },
      },
    ],
    conditions: [
      { type: 'Ready', status: 'True', lastTransitionTime: new Date(readyAt) },
    ],
  },
});

describe('fixes', () => {
  it('a boot is container start to first Ready; a readiness blip on a day-old pod is not a 24 h boot', () => {
    const history = new BootHistory();
    const opts = { history, blipAfterSeconds: 3600 };
    expect(
      bootOf(
        podStartedAt('2026-06-14T12:00:00Z', '2026-06-14T12:00:51Z'),
        opts,
      ),
    ).toEqual({ known: true, seconds: 51 });
    // The same start, Ready again a day later after a blip: the first Ready still counts.
    expect(
      bootOf(
        podStartedAt('2026-06-14T12:00:00Z', '2026-06-15T12:00:00Z'),
        opts,
      ),
    ).toEqual({ known: true, seconds: 51 });
    // Seen for the first time only after the blip: not a boot.
    const fresh = bootOf(
      podStartedAt('2026-06-14T12:00:00Z', '2026-06-15T12:00:00Z'),
      { blipAfterSeconds: 3600 },
    );
    expect(fresh).toEqual({
      known: false,
      reason:
        'Ready changed 1440 min after its start: a readiness blip on a running pod, not a boot',
    });
  });

  it('the liveness budget starts after the startup probe', () => {
    const liveness = {
      failureThreshold: 6,
      periodSeconds: 10,
      timeoutSeconds: 5,
    };
    expect(bootBudgetSeconds(liveness, undefined)).toEqual({
      seconds: 65,
      text: 'liveness 65 s',
    });
    expect(
      bootBudgetSeconds(liveness, { failureThreshold: 60, periodSeconds: 10 }),
    ).toEqual({
      seconds: 665,
      text: 'startup 10 min + liveness 65 s',
    });
  });

  it('refuses credentials in probe URLs at config load, naming the key', () => {
    expect(() =>
      readRolloutStatusConfig({
        targets: [
          {
            id: 'a',
            title: 'a',
            http: {
              readyUrl: 'https://admin:hunter2@auth.example/-/health/ready/',
            },
          },
        ],
      }),
    ).toThrow(
      /rolloutStatus\.targets\[0\]\.http\.readyUrl: the URL carries credentials/,
    );
  });

  it('an idle PgBouncer with no pool yet is not a configuration error; an unknown database is', () => {
    const [target] = readRolloutStatusConfig({
      targets: [
        {
          id: 'a',
          title: 'a',
          pgbouncer: { host: 'pgb', user: 'u', password: 'p' },
        },
      ],
    }).targets;
    const readings = (state: Partial<PgBouncerState>): TargetReadings => ({
      mode: 'live',
      evaluatedAt: Date.parse('2026-06-15T12:00:00Z'),
      pgbouncer: {
        ok: true,
        source: { kind: 'pgbouncer', name: 'pgb', mode: 'live' },
        observedAt: '2026-06-15T12:00:00Z',
        data: {
          database: 'authentik',
          pools: [],
          config: {},
          clientsByState: {},
          ...state,
        },
      },
    });
    const idle = poolCheck({
      target,
      readings: readings({ configuredDatabases: ['authentik'] }),
    });
    expect(idle.verdict).toBe('ok');
    expect(idle.summary).toMatch(
      /idle: .* no client has logged in .* not a configuration error/,
    );
    const wrong = poolCheck({
      target,
      readings: readings({ configuredDatabases: ['other'] }),
    });
    expect(wrong.verdict).toBe('unknown');
    expect(wrong.summary).toMatch(
      /does not list it in SHOW DATABASES \(have: other\)/,
    );
  });
});
