import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The bundled example infra repo. */
export const EXAMPLE_REPO = path.resolve(
  __dirname,
  '../../../../examples/infra',
);

/** A scratch copy of the example repo that a test may change; removed by `cleanup`. */
export function copyExampleRepo(): {
  dir: string;
  write(rel: string, content: string): void;
  read(rel: string): string;
  cleanup(): void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-repo-'));
  fs.cpSync(EXAMPLE_REPO, dir, { recursive: true });
  return {
    dir,
    write: (rel, content) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
    },
    read: rel => fs.readFileSync(path.join(dir, rel), 'utf8'),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A scratch infra repo of the given files (repo-relative path to content); removed by `cleanup`. */
export function tempRepo(files: Record<string, string | Buffer>): {
  dir: string;
  cleanup(): void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-repo-'));
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return {
    dir,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
