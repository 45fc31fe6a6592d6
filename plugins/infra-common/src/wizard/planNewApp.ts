import { authTierInfo } from '../authTiers';
import { AuthChoice, NewAppSpec } from './types';

/** What a new-app request will create, as the review step and the pull request say it. */
export interface NewAppPlan {
  /** Files of the pull request, under `stacks/<name>/`. */
  files: string[];
  /** The Kubernetes and Terraform objects, one sentence each. */
  resources: string[];
  /** The host (a subdomain under the ingress module's root domain) and what gates it. */
  hosts: Array<{
    subdomain: string;
    paths: string[];
    tier: string;
    meaning: string;
    justification: string;
  }>;
  pullRequest: { title: string; branch: string };
}

/**
 * The pull request of a new app. The template's pull request steps take the
 * title and branch from `infra:validate-input`'s output, so the review and
 * the forge say the same.
 */
export function newAppPullRequest(name: string): {
  title: string;
  branch: string;
} {
  return { title: `New app: ${name}`, branch: `portal/new-app-${name}` };
}

/** The pull request of an add-ingress request. */
export function addIngressPullRequest(
  stack: string,
  ingressName: string,
): { title: string; branch: string } {
  return {
    title: `Add ingress ${ingressName} to ${stack}`,
    branch: `portal/add-ingress-${stack}-${ingressName}`,
  };
}

/**
 * The plan of a checked new-app request. The file list must match what the
 * scaffolder's renderer writes: its test compares the two for every option.
 */
export function planNewApp(spec: NewAppSpec): NewAppPlan {
  const dir = `stacks/${spec.name}`;
  const files = [
    'terragrunt.hcl',
    'main.tf',
    'deployment.tf',
    spec.storage && 'storage.tf',
    (spec.database || spec.secrets.length > 0) && 'secrets.tf',
    spec.ingress && 'ingress.tf',
    'catalog-info.yaml',
    'mkdocs.yml',
    'docs/index.md',
  ]
    .filter((f): f is string => typeof f === 'string')
    .map(f => `${dir}/${f}`);

  const resources: string[] = [];
  resources.push(
    spec.createNamespace
      ? `Namespace ${spec.namespace}, created by the stack`
      : `In the existing namespace ${spec.namespace}`,
    `Deployment ${spec.name}: ${spec.image}, ${spec.replicas} ${
      spec.replicas === 1 ? 'replica' : 'replicas'
    }, memory ${spec.memory} (request = limit), CPU request ${
      spec.cpu
    } (no CPU limit)`,
    `Service ${spec.name} on port 80 to container port ${spec.containerPort}`,
  );
  if (spec.criticalPath)
    resources.push(
      `PodDisruptionBudget ${spec.name} with minAvailable 2 (critical path)`,
    );
  if (spec.storage)
    resources.push(
      `Volume of ${spec.storage.size} at ${
        spec.storage.mountPath
      }, growing to ${spec.storage.storageLimit} (${
        spec.storage.sensitive ? 'encrypted' : 'not encrypted'
      }), with a daily backup CronJob ${spec.name}-backup`,
    );
  if (spec.database)
    resources.push(
      `PostgreSQL database ${
        spec.database.name
      } on the shared cluster; its password comes from Vault${
        spec.database.readsSecretAtStartOnly
          ? ' and a rotation restarts the app'
          : ''
      }`,
    );
  if (spec.secrets.length > 0)
    resources.push(
      `ExternalSecret ${spec.name}-secrets copying ${spec.secrets
        .map(s => `${s.vaultPath} (${s.key}) to ${s.env}`)
        .join(', ')}`,
    );
  if (spec.ingress?.anubis)
    resources.push(`Anubis in front of ${spec.ingress.subdomain}`);
  if (spec.ingress)
    resources.push(
      `${1 + spec.ingress.carveOuts.length} ingress_factory ${
        spec.ingress.carveOuts.length === 0 ? 'call' : 'calls'
      } (DNS: ${spec.ingress.dnsType})`,
    );
  else resources.push('No ingress: reachable inside the cluster only');

  const hosts: NewAppPlan['hosts'] = [];
  if (spec.ingress) {
    const host = (paths: string[], auth: AuthChoice) => ({
      subdomain: spec.ingress!.subdomain,
      paths,
      tier: auth.tier,
      meaning: authTierInfo(auth.tier).meaning,
      justification: auth.justification,
    });
    hosts.push(host([], spec.ingress.auth));
    for (const c of spec.ingress.carveOuts) hosts.push(host([c.path], c.auth));
  }
  return { files, resources, hosts, pullRequest: newAppPullRequest(spec.name) };
}
