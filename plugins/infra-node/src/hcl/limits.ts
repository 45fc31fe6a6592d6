/**
 * How much of a file the reader and the HCL parser accept. A file over a
 * limit is listed as skipped with the limit named; the rest of the repo is
 * read as usual. The limits also bound memory and time: the model keeps the
 * source text and a node for every expression.
 */
export interface InfraReadLimits {
  /**
   * Largest `.tf` / `.hcl` / `.tfvars` file given to the HCL parser, in
   * bytes. Default 512 KiB: real files are rarely over 100 KiB (the largest
   * of the real repo is 84 KiB), and the parsed model of one file holds
   * about 10 MiB per MiB of HCL (measured on a real file repeated to 1 MiB).
   */
  maxHclBytes: number;
  /**
   * Largest other file read (Helm values, PgBouncer `.ini`, templates), in
   * bytes. Default 8 MiB: generated values files of a few MiB exist.
   */
  maxTextBytes: number;
  /**
   * Deepest nesting in an HCL file, as the parser counts it: block bodies,
   * and each expression inside brackets, braces, parentheses, arguments,
   * interpolations, conditional branches and unary operators. Default 100;
   * real files stay under 20. The parser stops at the limit, before its
   * recursion could exhaust the stack.
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
