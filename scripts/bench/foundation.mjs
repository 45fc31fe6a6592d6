// Measures, and prints: backend process start → readiness on SQLite (the
// embedded default), and the production bundle the initial page loads.
import { spawn } from 'node:child_process';
import {
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  mkdtempSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(join(root, 'packages/backend/package.json'));
const runs = Number(process.argv[2] ?? 3);

function freePort() {
  return new Promise(done => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => done(port));
    });
  });
}

async function backendReadyMs() {
  const port = await freePort();
  const overlay = join(
    mkdtempSync(join(tmpdir(), 'bench-')),
    'app-config.bench.yaml',
  );
  writeFileSync(
    overlay,
    `backend:\n  baseUrl: http://localhost:${port}\n  listen:\n    port: ${port}\n`,
  );
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      join(root, 'app-config.yaml'),
      '--config',
      overlay,
    ],
    { cwd: join(root, 'packages/backend'), stdio: 'ignore', detached: true },
  );
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`backend exited with ${child.exitCode}`);
      try {
        const res = await fetch(
          `http://localhost:${port}/.backstage/health/v1/readiness`,
        );
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise(r => setTimeout(r, 100));
    }
  } finally {
    process.kill(-child.pid, 'SIGKILL');
  }
}

function initialBundle() {
  const dist = join(root, 'packages/app/dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // What the browser fetches before the app renders: the scripts and
  // stylesheets index.html references directly.
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map(
    m => m[1],
  );
  let raw = 0;
  let gz = 0;
  for (const ref of refs) {
    const data = readFileSync(join(dist, ref));
    raw += data.length;
    gz += gzipSync(data).length;
  }
  let all = 0;
  const walk = dir => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.(js|css)$/.test(name)) all += st.size;
    }
  };
  walk(join(dist, 'static'));
  return { files: refs.length, raw, gz, all };
}

const kb = n => `${(n / 1024).toFixed(0)} KiB`;
const times = [];
for (let i = 0; i < runs; i++) times.push(await backendReadyMs());
times.sort((a, b) => a - b);
const b = initialBundle();
console.log(
  `backend start → ready (SQLite), ${runs} runs: median ${(
    times[Math.floor(runs / 2)] / 1000
  ).toFixed(1)} s, min ${(times[0] / 1000).toFixed(1)} s, max ${(
    times[runs - 1] / 1000
  ).toFixed(1)} s`,
);
console.log(
  `initial page bundle: ${b.files} files, ${kb(b.raw)} raw, ${kb(
    b.gz,
  )} gzipped`,
);
console.log(`all frontend JS+CSS (lazy chunks included): ${kb(b.all)}`);
