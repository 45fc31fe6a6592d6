import { mockServices } from '@backstage/backend-test-utils';
import { readInfraProviderConfig } from './config';
import { InfraEntityProvider } from './InfraEntityProvider';

const read = (infra: any) => () =>
  readInfraProviderConfig(
    mockServices.rootConfig({ data: { catalog: { providers: { infra } } } }),
  );

describe('readInfraProviderConfig', () => {
  it('is disabled (undefined) without the block', () => {
    expect(readInfraProviderConfig(mockServices.rootConfig())).toBeUndefined();
  });

  it('reads a local path with defaults', () => {
    expect(read({ source: { path: '../../examples/infra' } })()).toMatchObject({
      source: { path: '../../examples/infra' },
      orgFile: 'org.yaml',
      emitOrgEntities: true,
      schedule: { frequency: { minutes: 5 } },
    });
  });

  it('reads a remote url with owners and a schedule', () => {
    expect(
      read({
        source: { url: 'https://github.com/o/infra/tree/main' },
        schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
        owners: {
          orgFile: './teams/org.yaml',
          defaultOwner: 'group:default/platform',
          unownedGroup: 'group:default/nobody',
          emitOrgEntities: false,
        },
        criticalPath: ['^traefik$'],
      })(),
    ).toMatchObject({
      source: { url: 'https://github.com/o/infra/tree/main' },
      orgFile: 'teams/org.yaml',
      defaultOwner: 'group:default/platform',
      unownedGroup: 'group:default/nobody',
      emitOrgEntities: false,
      criticalPath: ['^traefik$'],
    });
  });

  it.each([
    [{}, /catalog\.providers\.infra\.source: expected an object/],
    [
      { source: {} },
      /catalog\.providers\.infra\.source: expected exactly one of 'path'/,
    ],
    [
      { source: { path: 'a', url: 'https://x' } },
      /source: expected exactly one/,
    ],
    [
      { source: { url: 'ftp://x/y' } },
      /catalog\.providers\.infra\.source\.url: expected an http\(s\) URL/,
    ],
    [
      { source: { path: 3 } },
      /catalog\.providers\.infra\.source\.path: expected a non-empty string/,
    ],
    [
      { source: { path: 'a' }, schedule: { frequency: 'often' } },
      /catalog\.providers\.infra\.schedule: expected a task schedule/,
    ],
    [
      { source: { path: 'a' }, owners: { defaultOwner: 'platform team' } },
      /owners\.defaultOwner: expected an entity ref/,
    ],
    [
      { source: { path: 'a' }, owners: { unownedGroup: 'user:default/me' } },
      /owners\.unownedGroup: expected a group entity ref/,
    ],
    [
      { source: { path: 'a' }, criticalPath: ['('] },
      /criticalPath\[0\]: expected a valid regular expression/,
    ],
  ])('rejects %j with the key path and what was expected', (infra, message) => {
    expect(read(infra)).toThrow(message);
  });

  it('fromConfig warns and returns undefined when unconfigured', () => {
    const logger = mockServices.logger.mock();
    expect(
      InfraEntityProvider.fromConfig(mockServices.rootConfig(), {
        logger,
        scheduler: mockServices.scheduler.mock(),
      }),
    ).toBeUndefined();
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('disabled'),
    );
  });
});
