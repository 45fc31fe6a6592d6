import fs from 'node:fs';
import path from 'node:path';
import {
  buildInfraModel,
  Expr,
  HclBlock,
  InfraFile,
  parseHcl,
  StackModel,
} from '@internal/backstage-plugin-infra-node';
import {
  checkGeneratedStack,
  checkModuleCalls,
  formatFinding,
  formatModuleCallProblem,
} from '@internal/backstage-plugin-scaffolder-backend-module-infra';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../../__testUtils__/spawnBackend';

/** The stack as it goes into the infra repo: `stacks/infra-portal/`. */
export const STACK_NAME = 'infra-portal';
export const DEPLOY_ROOT = path.join(repoRoot, 'deploy/terraform');
const EXAMPLE_INFRA = path.join(repoRoot, 'examples/infra');

/** The config files the image's command loads (the Dockerfile's CMD and the stack's args). */
export const PRODUCTION_CONFIG_FILES = [
  'app-config.yaml',
  'app-config.production.yaml',
  'app-config.breakglass.yaml',
];

function readTree(root: string, under: string): InfraFile[] {
  const out: InfraFile[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), {
      withFileTypes: true,
    })) {
      const p = path.posix.join(rel, e.name);
      if (e.isDirectory()) walk(p);
      else
        out.push({
          path: p,
          content: fs.readFileSync(path.join(root, p), 'utf8'),
        });
    }
  };
  walk(under);
  return out;
}

/** The portal's stack files, repo-relative as in the infra repo. */
export function portalStackFiles(): InfraFile[] {
  return readTree(DEPLOY_ROOT, `stacks/${STACK_NAME}`);
}

/**
 * What the stack is checked against: the example infra's shared modules and
 * root files (the tiers Terragrunt generates, the shared var file), written
 * like the real repo's. No other stack, so every finding is the portal's.
 */
export function exampleInfraBase(): InfraFile[] {
  return [
    ...readTree(EXAMPLE_INFRA, 'modules'),
    ...['terragrunt.hcl', 'config.tfvars'].map(p => ({
      path: p,
      content: fs.readFileSync(path.join(EXAMPLE_INFRA, p), 'utf8'),
    })),
  ];
}

/** Every `${VAR}` the production config files read, from their values (not comments). */
export function configVariables(): string[] {
  const names = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      for (const m of v.matchAll(/\$\{([A-Z0-9_]+)\}/g)) names.add(m[1]);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const f of PRODUCTION_CONFIG_FILES) {
    walk(parseYaml(fs.readFileSync(path.join(repoRoot, f), 'utf8')));
  }
  return [...names].sort();
}

function literal(e: Expr | undefined): string | number | undefined {
  if (!e) return undefined;
  if (e.kind === 'literal' && e.value !== null && typeof e.value !== 'boolean')
    return e.value;
  if (e.kind === 'template' && e.parts.every(p => typeof p === 'string'))
    return e.parts.join('');
  return undefined;
}

function entry(obj: Expr | undefined, key: string): Expr | undefined {
  if (obj?.kind !== 'object') return undefined;
  return obj.entries.find(e => literal(e.key) === key || e.key.raw === key)
    ?.value;
}

function blocksOf(b: HclBlock, type: string): HclBlock[] {
  return b.blocks.filter(c => c.type === type);
}

/** Secret name -> the keys the stack's ExternalSecrets write into it. */
function externalSecretKeys(blocks: HclBlock[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const b of blocks) {
    if (b.type !== 'resource' || b.labels[0] !== 'kubernetes_manifest')
      continue;
    const manifest = b.attributes.manifest?.expr;
    if (literal(entry(manifest, 'kind')) !== 'ExternalSecret') continue;
    const spec = entry(manifest, 'spec');
    const target = String(literal(entry(entry(spec, 'target'), 'name')));
    const keys = out.get(target) ?? new Set<string>();
    const data = entry(spec, 'data');
    for (const item of data?.kind === 'tuple' ? data.items : []) {
      const key = literal(entry(item, 'secretKey'));
      if (key !== undefined) keys.add(String(key));
    }
    const template = entry(entry(entry(spec, 'target'), 'template'), 'data');
    for (const e of template?.kind === 'object' ? template.entries : []) {
      keys.add(String(literal(e.key) ?? e.key.raw));
    }
    out.set(target, keys);
  }
  return out;
}

/** A probe's HTTP path, as written. */
function probePath(container: HclBlock, probe: string): string | undefined {
  const p = blocksOf(container, probe)[0];
  const get = p && blocksOf(p, 'http_get')[0];
  return get ? String(literal(get.attributes.path?.expr) ?? '') : undefined;
}

/** Seconds a container may take to start before the kubelet restarts it. */
export function startupBudgetSeconds(stack: StackModel): number | undefined {
  const probes = portalContainer(stack)?.probes;
  const p = probes?.startup ?? probes?.liveness;
  const n = (v: unknown, d: number) => (typeof v === 'number' ? v : d);
  if (!p) return undefined;
  return (
    n(p.initialDelaySeconds, 0) +
    n(p.failureThreshold, 3) * n(p.periodSeconds, 10)
  );
}

function portalContainer(stack: StackModel) {
  const deployment = stack.workloads.find(w => w.kind === 'deployment');
  return deployment?.containers.find(c => c.name === STACK_NAME);
}

/** The portal stack's model, as the catalog would build it. */
export async function portalStackModel(
  files: InfraFile[] = portalStackFiles(),
): Promise<StackModel | undefined> {
  const model = await buildInfraModel([...exampleInfraBase(), ...files]);
  return model.stacks.find(s => s.name === STACK_NAME);
}

/**
 * Everything wrong with a version of the portal's stack, one line each:
 * our convention findings (the catalog's and the wizard's checks, with the
 * infra's auth-comment rule), its module calls against the example infra's
 * modules, and what the portal itself needs from its Deployment. Empty
 * means the stack is right.
 */
export async function portalStackProblems(
  files: InfraFile[] = portalStackFiles(),
): Promise<string[]> {
  const problems: string[] = [];
  const base = exampleInfraBase();
  const check = await checkGeneratedStack([...base, ...files]);
  problems.push(...check.findings.map(formatFinding));
  const calls = checkModuleCalls(files, base);
  problems.push(...calls.problems.map(formatModuleCallProblem));
  for (const label of calls.notChecked) {
    problems.push(`${label}: its module was not read from the infra repo`);
  }

  const stack = await portalStackModel(files);
  if (!stack) return [...problems, `no stack ${STACK_NAME} in the model`];

  const ingress = stack.ingresses.find(i => i.kind === 'factory');
  if (ingress?.authTier !== 'app') {
    problems.push(
      `the ingress's auth tier is ${String(
        ingress?.authTier,
      )}, not "app" (the portal must stay reachable while authentik is down)`,
    );
  }

  const deployment = stack.workloads.find(w => w.kind === 'deployment');
  if (deployment?.replicas !== 2) {
    problems.push(
      `the Deployment runs ${String(deployment?.replicas)} replicas, not 2`,
    );
  }
  const pdb = stack.pdbs.find(
    p =>
      p.selector &&
      deployment &&
      Object.entries(p.selector).every(
        ([k, v]) => deployment.podLabels[k] === v,
      ),
  );
  if (!pdb || pdb.minAvailable !== 1) {
    problems.push(
      `no PDB keeps 1 of the 2 pods (found min_available ${String(
        pdb?.minAvailable,
      )})`,
    );
  }

  const hcl = files
    .filter(f => f.path.endsWith('.tf'))
    .flatMap(f => parseHcl(f.path, f.content).blocks);
  const deploymentBlock = hcl.find(
    b => b.type === 'resource' && b.labels[0] === 'kubernetes_deployment',
  );
  const podSpec = deploymentBlock?.blocks
    .find(b => b.type === 'spec')
    ?.blocks.find(b => b.type === 'template')
    ?.blocks.find(b => b.type === 'spec');
  const container = podSpec
    ? blocksOf(podSpec, 'container').find(
        c => literal(c.attributes.name?.expr) === STACK_NAME,
      )
    : undefined;
  if (!container) return [...problems, `no container named ${STACK_NAME}`];

  const health: Record<string, string> = {
    startup_probe: '/.backstage/health/v1/liveness',
    liveness_probe: '/.backstage/health/v1/liveness',
    readiness_probe: '/.backstage/health/v1/readiness',
  };
  for (const [probe, want] of Object.entries(health)) {
    const got = probePath(container, probe);
    if (got !== want) {
      problems.push(`${probe} asks ${String(got)}, not ${want}`);
    }
  }

  // Every variable the production config reads is set on the container;
  // each one from a Secret names a key an ExternalSecret of the stack writes.
  const secrets = externalSecretKeys(hcl);
  const env = portalContainer(stack)?.env ?? [];
  for (const name of configVariables()) {
    const v = env.find(e => e.name === name);
    if (!v) {
      problems.push(
        `the container does not set ${name}, which the production config reads`,
      );
    } else if (v.fromSecret) {
      const keys = secrets.get(v.fromSecret.name);
      if (!keys?.has(v.fromSecret.key ?? '')) {
        problems.push(
          `${name} reads key ${v.fromSecret.key} of Secret ${v.fromSecret.name}, which no ExternalSecret of the stack writes`,
        );
      }
    }
  }
  return problems;
}

/** The stack's files with `main.tf` edited by `edit` (which must change it). */
export function editedStack(edit: (text: string) => string): InfraFile[] {
  return portalStackFiles().map(f => {
    if (!f.path.endsWith('/main.tf')) return f;
    const content = edit(f.content);
    if (content === f.content) {
      throw new Error(
        'the edit did not change main.tf: the test is out of date',
      );
    }
    return { ...f, content };
  });
}

/** The `args` the stack's Deployment gives the portal's container (in place of the image's CMD). */
/** The portal's container block in the stack's Deployment, as written. */
function portalContainerBlock(files: InfraFile[]): HclBlock | undefined {
  for (const f of files.filter(x => x.path.endsWith('.tf'))) {
    for (const b of parseHcl(f.path, f.content).blocks) {
      if (b.type !== 'resource' || b.labels[0] !== 'kubernetes_deployment')
        continue;
      const pod = b.blocks
        .find(x => x.type === 'spec')
        ?.blocks.find(x => x.type === 'template')
        ?.blocks.find(x => x.type === 'spec');
      const container = pod
        ? blocksOf(pod, 'container').find(
            c => literal(c.attributes.name?.expr) === STACK_NAME,
          )
        : undefined;
      if (container) return container;
    }
  }
  return undefined;
}

export function deploymentArgs(
  files: InfraFile[] = portalStackFiles(),
): string[] {
  const args = portalContainerBlock(files)?.attributes.args?.expr;
  if (args?.kind === 'tuple') return args.items.map(i => String(literal(i)));
  throw new Error(`no args on the ${STACK_NAME} container of the stack`);
}

/**
 * The container's `env` entries whose value is a plain string in the
 * stack (`NODE_OPTIONS`), to start the image with them as the pod would;
 * values built from variables or secrets are the test's to give.
 */
export function deploymentLiteralEnv(
  files: InfraFile[] = portalStackFiles(),
): Record<string, string> {
  const container = portalContainerBlock(files);
  if (!container) throw new Error(`no ${STACK_NAME} container in the stack`);
  const env: Record<string, string> = {};
  for (const e of blocksOf(container, 'env')) {
    const name = literal(e.attributes.name?.expr);
    const value = literal(e.attributes.value?.expr);
    if (typeof name === 'string' && typeof value === 'string')
      env[name] = value;
  }
  return env;
}
