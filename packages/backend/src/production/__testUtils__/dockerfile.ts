import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** One Dockerfile instruction, continuation lines joined. */
export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** A stage: its FROM line and what follows it. */
export interface Stage {
  name?: string;
  from: string;
  instructions: Instruction[];
}

/** Reads a Dockerfile into stages (comments and blank lines dropped). */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i];
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = `${line.slice(0, -1)} ${lines[++i].trim()}`;
    }
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m)
      throw new Error(`Dockerfile line ${start + 1}: cannot read "${line}"`);
    const keyword = m[1].toUpperCase();
    const args = m[2].trim();
    if (keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ from: from![1], name: from?.[2], instructions: [] });
    } else if (!stages.length) {
      throw new Error(`Dockerfile line ${start + 1}: ${keyword} before FROM`);
    } else {
      stages[stages.length - 1].instructions.push({
        keyword,
        args,
        line: start + 1,
      });
    }
  }
  return stages;
}

/** `--flag=value` options before an instruction's arguments, and the rest. */
function splitFlags(args: string): {
  flags: Record<string, string>;
  rest: string;
} {
  const flags: Record<string, string> = {};
  let rest = args;
  for (;;) {
    const m = /^--([a-z-]+)=(\S+)\s+/.exec(rest);
    if (!m) return { flags, rest };
    flags[m[1]] = m[2];
    rest = rest.slice(m[0].length);
  }
}

function jsonArray(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  return JSON.parse(args);
}

/** What running the final stage left: its environment and its command. */
export interface AssembledImage {
  dir: string;
  env: Record<string, string>;
  entrypoint: string[];
  cmd: string[];
  /** Seconds each RUN took, by its text, for the report. */
  runSeconds: Array<{ run: string; seconds: number }>;
}

/**
 * Runs the final stage of the Dockerfile in `dir`, as `docker build` would
 * inside the image, without Docker: `COPY` from the build context reads the
 * repo, `COPY --from=<stage>` reads the repo where that stage built (this
 * checkout, built beforehand by the caller), `/app` is `dir`, `ENV` is
 * applied to the `RUN`s that follow, `RUN` goes to bash. `USER` and
 * `--mount` cannot apply here (one user, no BuildKit) and are skipped;
 * `extraEnv` is added to every `RUN` (e.g. a faster, equivalent install
 * mode).
 */
export async function runFinalStage(options: {
  dockerfile: string;
  context: string;
  dir: string;
  extraEnv?: Record<string, string>;
}): Promise<AssembledImage> {
  const { context, dir } = options;
  const stages = parseDockerfile(fs.readFileSync(options.dockerfile, 'utf8'));
  const final = stages[stages.length - 1];
  const stageRoots = new Map<string, { workdir: string }>();
  for (const s of stages.slice(0, -1)) {
    const workdir = s.instructions.find(i => i.keyword === 'WORKDIR')?.args;
    if (s.name) stageRoots.set(s.name, { workdir: workdir ?? '/' });
  }
  let workdir = '/app';
  const inImage = (p: string) =>
    path.join(dir, path.posix.resolve(workdir, p).replace(/^\/app\/?/, ''));
  const env: Record<string, string> = {};
  let entrypoint: string[] = [];
  let cmd: string[] = [];
  const runSeconds: AssembledImage['runSeconds'] = [];

  for (const ins of final.instructions) {
    const where = `Dockerfile line ${ins.line}`;
    switch (ins.keyword) {
      case 'WORKDIR':
        if (ins.args !== '/app') {
          throw new Error(`${where}: the test maps only WORKDIR /app`);
        }
        workdir = ins.args;
        break;
      case 'ENV': {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)[= ](.*)$/.exec(ins.args);
        if (!m) throw new Error(`${where}: cannot read ENV ${ins.args}`);
        env[m[1]] = m[2];
        break;
      }
      case 'COPY': {
        const { flags, rest } = splitFlags(ins.args);
        const parts = rest.split(/\s+/);
        const dest = parts.pop()!;
        let root = context;
        let strip = '';
        if (flags.from) {
          const stage = stageRoots.get(flags.from);
          if (!stage) throw new Error(`${where}: no stage ${flags.from}`);
          strip = stage.workdir;
        }
        for (const src of parts) {
          const from = path.join(
            root,
            strip ? path.posix.relative(strip, src) : src,
          );
          const isDir = fs.statSync(from).isDirectory();
          const target =
            dest.endsWith('/') || (parts.length > 1 && !isDir)
              ? path.join(inImage(dest), path.basename(from))
              : inImage(dest);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          fs.cpSync(from, target, { recursive: true });
        }
        root = context;
        break;
      }
      case 'RUN': {
        const { rest } = splitFlags(ins.args);
        const started = Date.now();
        try {
          await execFileAsync('bash', ['-euo', 'pipefail', '-c', rest], {
            cwd: inImage('.'),
            env: { ...process.env, ...env, ...options.extraEnv },
            maxBuffer: 64 * 1024 * 1024,
            timeout: 600_000,
          });
        } catch (error) {
          const e = error as {
            stdout?: string;
            stderr?: string;
            message: string;
          };
          throw new Error(
            `${where}: RUN ${rest} failed: ${e.message}\n${e.stdout ?? ''}\n${
              e.stderr ?? ''
            }`,
          );
        }
        runSeconds.push({ run: rest, seconds: (Date.now() - started) / 1000 });
        break;
      }
      case 'ENTRYPOINT':
        entrypoint = jsonArray(ins.args) ?? ['/bin/sh', '-c', ins.args];
        break;
      case 'CMD':
        cmd = jsonArray(ins.args) ?? ['/bin/sh', '-c', ins.args];
        break;
      case 'USER':
      case 'EXPOSE':
        break;
      default:
        throw new Error(`${where}: the test does not know ${ins.keyword}`);
    }
  }
  return { dir, env, entrypoint, cmd, runSeconds };
}
