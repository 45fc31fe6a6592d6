import {
  parseTargetList,
  parseTargetStatus,
  UnexpectedResponseError,
} from './parseResponses';

const body = {
  targetId: 'authentik',
  title: 'authentik',
  mode: 'live',
  generatedAt: '2026-11-22T12:00:00Z',
  preflight: {
    verdict: 'ok',
    safeToApply: true,
    reasons: [],
    basedOn: ['pdb'],
  },
  checks: [
    {
      id: 'pdb',
      verdict: 'green',
      summary: 'fine',
      reasons: [],
      evidence: [{ label: 'minAvailable', value: 2 }],
      sources: [
        { kind: 'kubernetes', name: 'pdb authentik/server', mode: 'live' },
      ],
      observedAt: '2026-11-22T12:00:00Z',
    },
  ],
};

describe('parseTargetStatus', () => {
  it('turns a verdict it does not know into unknown, with the reason', () => {
    const status = parseTargetStatus(body);
    expect(status.checks[0].verdict).toBe('unknown');
    expect(status.checks[0].reasons[0]).toMatch(
      /unrecognised verdict \("green"\)/,
    );
    expect(status.checks[0].evidence).toEqual([
      { label: 'minAvailable', value: '2' },
    ]);
  });

  it('only treats an explicit true as safe to apply', () => {
    const status = parseTargetStatus({
      ...body,
      preflight: { ...body.preflight, safeToApply: 'yes' },
    });
    expect(status.preflight.safeToApply).toBe(false);
  });

  it('treats a status carrying snapshot details as a snapshot', () => {
    const status = parseTargetStatus({
      ...body,
      snapshot: {
        file: 'boot-storm.json',
        recordedAt: '2026-06-10T22:35:00Z',
        scenario: 'boot-storm',
      },
    });
    expect(status.mode).toBe('snapshot');
    expect(status.snapshot?.file).toBe('boot-storm.json');
  });

  it('reads checks other plugins added, with their titles', () => {
    const status = parseTargetStatus({
      ...body,
      additionalChecks: [
        {
          ...body.checks[0],
          id: 'acme.cert-expiry',
          title: 'Certificate expiry',
          verdict: 'warn',
        },
        { title: 'no id' },
      ],
    });
    expect(status.additionalChecks).toEqual([
      expect.objectContaining({
        id: 'acme.cert-expiry',
        title: 'Certificate expiry',
        verdict: 'warn',
      }),
    ]);
  });

  it('rejects a body without checks or preflight', () => {
    expect(() => parseTargetStatus({ targetId: 'a' })).toThrow(
      UnexpectedResponseError,
    );
    expect(() => parseTargetStatus({ targetId: 'a', checks: [] })).toThrow(
      /preflight/,
    );
    expect(() => parseTargetStatus('<html>')).toThrow(/targetId/);
  });
});

describe('parseTargetList', () => {
  it('reads targets and rejects a body without them', () => {
    expect(
      parseTargetList({
        targets: [
          {
            targetId: 'authentik',
            title: 'authentik',
            mode: 'live',
            entityRefs: ['system:default/authentik'],
          },
        ],
      }).targets[0].entityRefs,
    ).toEqual(['system:default/authentik']);
    expect(() => parseTargetList({})).toThrow(UnexpectedResponseError);
  });
});
