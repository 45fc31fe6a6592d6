import path from 'node:path';
import { InfraFile, readLocalTree } from '../files';

/** The bundled example infra repo (examples/infra at the repo root). */
export const EXAMPLE_REPO = path.resolve(
  __dirname,
  '../../../../examples/infra',
);

export function readExampleRepo(): Promise<InfraFile[]> {
  return readLocalTree(EXAMPLE_REPO, { extraPaths: ['org.yaml'] });
}

/** Replaces one file's content (or adds the file) in a file list. */
export function withFile(
  files: InfraFile[],
  filePath: string,
  content: string,
): InfraFile[] {
  const rest = files.filter(f => f.path !== filePath);
  return [...rest, { path: filePath, content }];
}
