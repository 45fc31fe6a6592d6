import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from './args';
import { readPolicyFiles } from './policyFile';

describe('readPolicyFiles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the convention policy of app-config files, later files winning', async () => {
    fs.writeFileSync(
      path.join(dir, 'base.yaml'),
      'catalog:\n  providers:\n    infra:\n      conventions:\n        rules:\n          no-cpu-limit: { severity: error }\n',
    );
    fs.writeFileSync(
      path.join(dir, 'local.yaml'),
      'catalog:\n  providers:\n    infra:\n      conventions:\n        allow:\n          - { rule: no-cpu-limit, stack: mon, reason: on purpose }\n',
    );
    const policy = await readPolicyFiles(['base.yaml', 'local.yaml'], dir);
    expect(policy?.rules['no-cpu-limit']).toMatchObject({ severity: 'error' });
    expect(policy?.allow).toEqual([
      expect.objectContaining({
        rule: 'no-cpu-limit',
        stack: 'mon',
        reason: 'on purpose',
      }),
    ]);
  });

  it('is no policy without files, and a usage error naming the file when it is not YAML', async () => {
    expect(await readPolicyFiles([], dir)).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'a: [unclosed\n');
    await expect(readPolicyFiles(['bad.yaml'], dir)).rejects.toThrow(
      UsageError,
    );
    await expect(readPolicyFiles(['bad.yaml'], dir)).rejects.toThrow(
      /--config bad.yaml/,
    );
  });
});
