/**
 * Regenerates examples/rollout-snapshots/*.json from the scenario builders:
 *   yarn tsx plugins/rollout-status-node/src/cli/writeSnapshots.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCENARIOS, buildScenario } from '../testUtils/scenarios';
import { SNAPSHOT_DIR } from '../testUtils/snapshots';

for (const name of SCENARIOS) {
  const file = resolve(SNAPSHOT_DIR, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(buildScenario(name), null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
