#!/usr/bin/env node
/**
 * `node scripts/lib/runBundled.cjs <entry.ts> [args...]`
 *
 * Runs one of the repo's TypeScript command-line tools as a single
 * JavaScript bundle that esbuild builds on first use (about a second) into
 * the git-ignored `.cache/cli-bundles/`, and again whenever a file it
 * bundles changes (checked by size and modification time, a few
 * milliseconds). A TypeScript loader that hooks every `require` (tsx) spends
 * about 1.5 s of a cold `catalog:preview` run loading modules; the bundle
 * loads in a fraction of that, which is what keeps the preview inside its
 * 2 s budget in a pre-commit hook or CI step.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const [entryArg, ...args] = process.argv.slice(2);
if (!entryArg) {
  process.stderr.write('usage: runBundled.cjs <entry.ts> [args...]\n');
  process.exit(2);
}
const entry = path.resolve(root, entryArg);
const cacheDir = path.join(root, '.cache', 'cli-bundles');
const id = crypto.createHash('sha1').update(entry).digest('hex').slice(0, 12);
const bundle = path.join(cacheDir, `${path.basename(entry, '.ts')}-${id}.cjs`);
const inputsFile = `${bundle}.inputs.json`;

const stamp = file => {
  const st = fs.statSync(file);
  return `${st.size}:${st.mtimeMs}`;
};

/** True when the bundle exists and none of the files it was built from changed. */
function isFresh() {
  try {
    const inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
    if (!fs.existsSync(bundle)) return false;
    return Object.entries(inputs).every(([file, s]) => stamp(file) === s);
  } catch {
    return false;
  }
}

function build() {
  // Required here, not above: a fresh bundle needs no esbuild at all.
  const esbuild = require('esbuild');
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = `${bundle}.${process.pid}.tmp`;
  const result = esbuild.buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    outfile: tmp,
    metafile: true,
    logLevel: 'error',
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    const abs = path.resolve(root, file);
    if (fs.existsSync(abs)) inputs[abs] = stamp(abs);
  }
  // Renamed into place: a concurrent run sees the old bundle or the new one.
  fs.renameSync(tmp, bundle);
  fs.writeFileSync(inputsFile, JSON.stringify(inputs));
}

if (!isFresh()) build();
// Run the bundle as the main module, with the arguments the tool expects.
process.argv = [process.argv[0], bundle, ...args];
Module.runMain();
