/**
 * How much of a file the reader and the HCL parser accept. A file over a
 * limit is listed as skipped with the limit named; the rest of the repo is
 * read as usual. The limits also bound memory: the WebAssembly parser's heap
 * grows with the size and the error recovery of its input.
 */
export interface InfraReadLimits {
  /**
   * Largest `.tf` / `.hcl` / `.tfvars` file given to the HCL parser, in
   * bytes. Default 512 KiB: real files are rarely over 100 KiB, and parsing
   * one file costs about 650 MiB of memory per MiB of HCL at its peak
   * (syntax tree, its JavaScript view and the model), so this bounds the
   * peak at about 350 MiB over the baseline.
   */
  maxHclBytes: number;
  /**
   * Largest other file read (Helm values, PgBouncer `.ini`, templates), in
   * bytes. Default 8 MiB: generated values files of a few MiB exist.
   */
  maxTextBytes: number;
  /**
   * Deepest nesting in an HCL file: blocks, brackets, braces, parentheses
   * and `${...}` interpolations, plus the operators chained inside one of
   * them (each is one more level of the syntax tree). Default 100; real
   * files stay under 20. Deeper files would exhaust the stack of the
   * recursive walks over the syntax tree.
   */
  maxNestingDepth: number;
}

export const DEFAULT_INFRA_READ_LIMITS: Readonly<InfraReadLimits> =
  Object.freeze({
    maxHclBytes: 512 * 1024,
    maxTextBytes: 8 * 1024 * 1024,
    maxNestingDepth: 100,
  });

/**
 * Where the limits are set in app-config, named in every message about a
 * file over a limit.
 */
export const READ_LIMITS_CONFIG_KEY = 'catalog.providers.infra.limits';

/** Fills in defaults; a non-positive or non-numeric value counts as not given. */
export function resolveReadLimits(
  limits: Partial<InfraReadLimits> = {},
): InfraReadLimits {
  const pick = (key: keyof InfraReadLimits) => {
    const v = limits[key];
    return typeof v === 'number' && Number.isFinite(v) && v > 0
      ? v
      : DEFAULT_INFRA_READ_LIMITS[key];
  };
  return {
    maxHclBytes: pick('maxHclBytes'),
    maxTextBytes: pick('maxTextBytes'),
    maxNestingDepth: pick('maxNestingDepth'),
  };
}

/** How to raise a limit, for messages. */
export function raiseHint(key: keyof InfraReadLimits): string {
  return `raise \`${key}\` (${READ_LIMITS_CONFIG_KEY}.${key} in app-config)`;
}

/** `1.5 MiB`, `300 KiB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KiB`;
  return `${trim(bytes / (1024 * 1024))} MiB`;
}

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}
