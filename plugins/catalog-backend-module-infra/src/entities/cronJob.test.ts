import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { buildForTest } from '../__testUtils__/build';
import { aCronJob, aDatabase, aModel, aStack } from '../__testUtils__/model';

describe('cron job entities', () => {
  it('is a cronjob Component with its schedule, tier and the database it backs up', () => {
    const db = aDatabase('notes', { name: 'pg' });
    const c = aCronJob('notes', {
      name: 'notes-backup',
      namespaceTier: '4-aux',
    });
    const { get, details } = buildForTest(
      aModel([aStack('notes', { cronJobs: [c], databases: [db] })], {
        dependencies: [{ fromId: c.id, toId: db.id, toKind: 'database' }],
      }),
    );
    const e = get('Component:notes-backup');
    expect(e.spec).toMatchObject({
      type: 'cronjob',
      lifecycle: 'production',
      dependsOn: ['resource:default/notes-pg'],
    });
    expect(e.metadata.description).toBe(
      'CronJob notes-backup (0 3 * * *) in stack notes.',
    );
    expect(e.metadata.annotations?.[INFRA_ANNOTATIONS.tier]).toBe('4-aux');
    expect(details('Component:notes-backup')).toMatchObject({
      kind: 'cronjob',
      schedule: '0 3 * * *',
      databases: [{ ref: 'resource:default/notes-pg' }],
      poolers: [],
    });
  });
});
