import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const CONFIG_NAMES = ['mkdocs.yml', 'mkdocs.yaml'];

/** A folder the config names, when it stays inside the project (MkDocs refuses others too). */
function folderIn(dir: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const resolved = path.resolve(dir, value);
  return resolved.startsWith(`${dir}${path.sep}`) ? resolved : undefined;
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs
    .readdir(root, { recursive: true, withFileTypes: true })
    .catch(() => []);
  return entries
    .filter(e => e.isFile() || e.isSymbolicLink())
    .map(e => path.join(e.parentPath, e.name))
    .sort();
}

function pluginName(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') return Object.keys(entry)[0] ?? '';
  return '';
}

/**
 * The config as it means, not as it is written. The TechDocs generator
 * rewrites the config file in place before each build (its own YAML
 * formatting, and the default plugins added when missing); hashing the
 * text would make the first rebuild look like a change. The parsed config
 * with the default plugins merged in is the same before and after.
 */
function meaningOf(
  settings: Record<string, unknown>,
  defaultPlugins: string[],
) {
  const plugins = Array.isArray(settings.plugins) ? settings.plugins : [];
  const missing = defaultPlugins.filter(
    name => !plugins.some(p => pluginName(p) === name),
  );
  return JSON.stringify({ ...settings, plugins: [...plugins, ...missing] });
}

/**
 * A hash of what MkDocs reads to build a project in `dir`: its config (by
 * meaning, see `meaningOf`), the `docs_dir` it names (`docs` by default)
 * and the theme's `custom_dir`, each file by path and content. The same
 * files give the same hash, however often and whenever it is computed;
 * that is the point: an unchanged folder must not look changed. Files
 * outside those folders (the rest of a repo a `dir:.` entity lives in) do
 * not reach the site and are not read.
 */
export async function hashMkdocsProject(
  dir: string,
  options: { defaultPlugins: string[] },
): Promise<string> {
  const hash = createHash('sha256');
  let settings: Record<string, unknown> = {};
  for (const name of CONFIG_NAMES) {
    const text = await fs
      .readFile(path.join(dir, name), 'utf8')
      .catch(() => '');
    if (!text) continue;
    // MkDocs configs carry Python tags (`!!python/name:...`) that a YAML
    // reader only warns about; the folders are plain strings either way.
    const parsed: unknown = parse(text, { logLevel: 'silent' });
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      settings = parsed as Record<string, unknown>;
      hash.update(`config\0${meaningOf(settings, options.defaultPlugins)}\0`);
    } else {
      hash.update(`config\0${text}\0`);
    }
    break;
  }
  const theme = settings.theme as { custom_dir?: unknown } | undefined;
  const folders = [
    folderIn(dir, settings.docs_dir ?? 'docs'),
    folderIn(dir, theme?.custom_dir),
  ].filter((f): f is string => f !== undefined);
  for (const folder of folders) {
    for (const file of await filesUnder(folder)) {
      const content = await fs.readFile(file).catch(() => undefined);
      if (content === undefined) continue;
      hash.update(`file ${path.relative(dir, file)}\0`);
      hash.update(content);
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}
