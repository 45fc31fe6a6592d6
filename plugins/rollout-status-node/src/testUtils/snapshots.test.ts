import { readFileSync } from 'node:fs';
import { SCENARIOS, buildScenario } from './scenarios';
import { snapshotPath } from './snapshots';

describe('the bundled snapshots', () => {
  it.each(SCENARIOS.map(name => [name]))(
    '%s.json is what its scenario builder produces (regenerate with yarn rollout:snapshots)',
    name => {
      // The file as committed, not through the schema (which drops keys it does not read).
      const committed = JSON.parse(readFileSync(snapshotPath(name), 'utf8'));
      expect(committed).toEqual(
        JSON.parse(JSON.stringify(buildScenario(name))),
      );
    },
  );
});
