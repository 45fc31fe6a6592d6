import { Unresolved } from '../hcl/values';
import { SourcePos } from './types';
import { parseYamlWithKeyLines } from './yamlKeyLines';

/** Where `renderPartial` left a part it could not know. */
const UNKNOWN_PART = '\u0000';
/**
 * The same mark while the YAML is parsed: YAML forbids control characters,
 * and a Unicode noncharacter is never in text people write.
 */
const UNKNOWN_PART_IN_YAML = '\uFDD0';

/** A value rendered from a template part that was unknown (see `renderPartial`). */
function unknownPart(value: unknown): unknown {
  return typeof value === 'string' && value.includes(UNKNOWN_PART_IN_YAML)
    ? new Unresolved(
        value.split(UNKNOWN_PART_IN_YAML).join('${...}'),
        'depends-on-unknown',
      )
    : value;
}

/** Helm values merged from several sources, remembering where each key is written. */
export class HelmValues {
  readonly #layers: Array<{
    get(path: string[]): { value: unknown; at: SourcePos } | undefined;
    keys(): string[];
  }> = [];

  /** Keys at the top of the merged values that hold objects (chart components such as `server`). */
  topLevelKeys(): string[] {
    const keys = new Set<string>();
    for (const layer of this.#layers) for (const k of layer.keys()) keys.add(k);
    return [...keys].filter(k => {
      const v = this.get(k)?.value;
      return !!v && typeof v === 'object' && !Array.isArray(v);
    });
  }

  /** Adds a YAML document (a `values.yaml`). Later layers win. Returns an error message on bad YAML. */
  addYaml(file: string, content: string): string | undefined {
    const parsed = parseYamlWithKeyLines(
      content.split(UNKNOWN_PART).join(UNKNOWN_PART_IN_YAML),
    );
    if ('error' in parsed) return parsed.error;
    const { root } = parsed;
    this.#layers.push({
      keys: () => [...(root.entries?.keys() ?? [])],
      get(path) {
        let node = root;
        let keyLine: number | undefined;
        for (const seg of path) {
          const entry = node.entries?.get(seg);
          if (!entry) return undefined;
          keyLine = entry.keyLine;
          node = entry.node;
        }
        return {
          value: unknownPart(node.value ?? null),
          at: { file, line: keyLine ?? 1 },
        };
      },
    });
    return undefined;
  }

  /** Adds an object (a resolved `yamlencode({...})` or `set` block) written at one place. */
  addObject(value: Record<string, unknown>, at: SourcePos) {
    this.#layers.push({
      keys: () => Object.keys(value),
      get(path) {
        let node: unknown = value;
        for (const seg of path) {
          if (!node || typeof node !== 'object' || Array.isArray(node))
            return undefined;
          if (!(seg in (node as object))) return undefined;
          node = (node as Record<string, unknown>)[seg];
        }
        return { value: node, at };
      },
    });
  }

  get(path: string): { value: unknown; at: SourcePos } | undefined {
    const segs = path.split('.');
    for (let i = this.#layers.length - 1; i >= 0; i--) {
      const hit = this.#layers[i].get(segs);
      if (hit && hit.value !== undefined) return hit;
    }
    return undefined;
  }
}

/** A workload a known chart deploys, and where its settings live in the values. */
export interface ChartWorkload {
  component: string;
  kind: 'deployment' | 'stateful-set';
  /** Values key holding the component's settings, e.g. `server`. */
  valuesKey: string;
  /** Replicas when the values do not say. */
  defaultReplicas: number;
}

export interface KnownChart {
  workloads: ChartWorkload[];
  /** Values keys of env lists shared by all components (`[{ name, value }]`). */
  sharedEnvKeys: string[];
  /** Image as `repository:tag` from the values, with the chart's default repository. */
  imageKeys: { repository: string; tag: string; defaultRepository: string };
  /** Pod labels the chart puts on a component's pods. */
  podLabels(release: string, component: string): Record<string, string>;
  /** Kubernetes object name of a component. */
  objectName(release: string, component: string): string;
}

/**
 * Charts whose workloads the model knows how to read from values. Only
 * authentik today (server and worker); add a chart here to have its
 * workloads show up as services.
 */
export const KNOWN_CHARTS: Record<string, KnownChart> = {
  authentik: {
    workloads: [
      {
        component: 'server',
        kind: 'deployment',
        valuesKey: 'server',
        defaultReplicas: 1,
      },
      {
        component: 'worker',
        kind: 'deployment',
        valuesKey: 'worker',
        defaultReplicas: 1,
      },
    ],
    sharedEnvKeys: ['global.env'],
    imageKeys: {
      repository: 'global.image.repository',
      tag: 'global.image.tag',
      defaultRepository: 'ghcr.io/goauthentik/server',
    },
    podLabels: (release, component) => ({
      'app.kubernetes.io/instance': release,
      'app.kubernetes.io/component': component,
    }),
    objectName: (release, component) => `${release}-${component}`,
  },
};
