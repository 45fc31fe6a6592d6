import { createHash } from 'node:crypto';

const MAX = 63;

/** A valid entity name from free text: `[a-z0-9]` runs joined by `-`, at most 63 characters. */
export function sanitizeName(text: string): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed';
  if (base.length <= MAX) return base;
  const hash = createHash('sha1').update(base).digest('hex').slice(0, 6);
  return `${base.slice(0, MAX - 7).replace(/-+$/, '')}-${hash}`;
}

/**
 * The entity name of an object of a stack: the object's name when it already
 * starts with the stack's (`immich-server` in `immich`), else prefixed with
 * it (`pgbouncer` in `authentik` is `authentik-pgbouncer`), so names stay
 * unique across stacks and read well in the catalog.
 */
export function stackScopedName(stack: string, name: string): string {
  const s = sanitizeName(stack);
  const n = sanitizeName(name);
  return n === s || n.startsWith(`${s}-`) ? n : sanitizeName(`${s}-${n}`);
}

/** Hands out names unique per kind, suffixing `-2`, `-3` on a clash. */
export class NameRegistry {
  readonly #used = new Set<string>();

  take(kind: string, wanted: string): string {
    let name = sanitizeName(wanted);
    let i = 2;
    while (this.#used.has(`${kind}:${name}`)) {
      name = sanitizeName(`${wanted}-${i++}`);
    }
    this.#used.add(`${kind}:${name}`);
    return name;
  }
}

/**
 * The name of one instance of a `count` / `for_each` block: the base name
 * with the instance key, unless the base already carries it (a workload
 * named `"${each.key}-server"`). `count` index 0 keeps the bare name, so
 * the one instance of `count = var.enabled ? 1 : 0` reads like a plain
 * block and keeps its name when a second instance is added.
 */
export function instanceName(
  base: string,
  key: string | number | undefined,
): string {
  if (key === undefined || key === 0) return base;
  const k = sanitizeName(String(key));
  if (`-${sanitizeName(base)}-`.includes(`-${k}-`)) return base;
  return `${base}-${k}`;
}
