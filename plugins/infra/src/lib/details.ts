import { isUnresolvedValue } from '@internal/backstage-plugin-infra-common';
import {
  ReadValue,
  MISSING,
  known,
  parseBoolean,
  parseCount,
  parseCountOrPercent,
  parseText,
  readDetailValue,
  unresolvedOf,
} from './readValue';

/*
 * Readers of the fields of the `infra.homelab/details` annotation (read as a
 * whole by `readInfraDetails` in infra-common). Every field is read through
 * `readDetailValue`, so an `{ unresolved }` expression or an unexpected
 * shape stays visible instead of being taken at face value.
 */

const asObject = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : [];

/**
 * A list field. An absent list is `missing` (not recorded), which is not
 * the same as an empty one (recorded: there are none).
 */
export type ReadList<T> = ReadValue<ReadValue<T>[]>;

function readList<T>(
  raw: unknown,
  readItem: (item: unknown) => ReadValue<T>,
): ReadList<T> {
  if (raw === undefined || raw === null) return MISSING;
  if (!Array.isArray(raw))
    return { state: 'invalid', raw: JSON.stringify(raw) };
  return known(raw.map(readItem));
}

export const readText = (raw: unknown) => readDetailValue(raw, parseText);
export const readCount = (raw: unknown) => readDetailValue(raw, parseCount);

// --- Entity links ------------------------------------------------------------

/** A link to another entity the provider emitted (`EntityLink` in infra-common). */
export interface LinkFacts {
  ref: string;
  name?: string;
}

export function readLink(raw: unknown): LinkFacts | undefined {
  const object = asObject(raw);
  const ref = parseText(object?.ref);
  return ref ? { ref, name: parseText(object?.name) } : undefined;
}

/** Links from a list; unreadable entries are kept as invalid values. */
export function readLinks(raw: unknown): ReadList<LinkFacts> {
  return readList(raw, item => readDetailValue(item, readLink));
}

/** One link as a list, for fields that hold a single optional link. */
export function linkList(link: LinkFacts | undefined): ReadList<LinkFacts> {
  return known(link ? [known(link)] : []);
}

// --- PodDisruptionBudget -----------------------------------------------------

export interface PdbFacts {
  link?: LinkFacts;
  minAvailable: ReadValue<number | string>;
  maxUnavailable: ReadValue<number | string>;
}

/** Bounds from an object that holds `minAvailable` / `maxUnavailable`. */
export function readPdbBounds(raw: unknown): PdbFacts {
  const object = asObject(raw) ?? {};
  return {
    link: readLink(object),
    minAvailable: readDetailValue(object.minAvailable, parseCountOrPercent),
    maxUnavailable: readDetailValue(object.maxUnavailable, parseCountOrPercent),
  };
}

/** The PDB selecting a workload; `missing` means the provider found none. */
export function readWorkloadPdb(raw: unknown): ReadValue<PdbFacts> {
  if (raw === undefined || raw === null) return MISSING;
  if (isUnresolvedValue(raw)) return unresolvedOf(raw);
  if (!asObject(raw)) return { state: 'invalid', raw: JSON.stringify(raw) };
  return known(readPdbBounds(raw));
}

// --- Storage -----------------------------------------------------------------

export interface VolumeFacts {
  claimName: ReadValue<string>;
  storageClass: ReadValue<string>;
  size: ReadValue<string>;
  encrypted: ReadValue<boolean>;
  accessModes: string[];
}

function readVolume(raw: unknown): ReadValue<VolumeFacts> {
  const object = asObject(raw);
  if (!object) return { state: 'invalid', raw: JSON.stringify(raw) };
  const storageClass = readText(object.storageClass);
  return known({
    claimName: readText(object.claimName),
    storageClass,
    size: readText(object.size),
    // The provider derives `encrypted` from the class name; when the class
    // itself is unresolved, that boolean is not knowledge, so say unknown.
    encrypted:
      storageClass.state === 'unresolved'
        ? MISSING
        : readDetailValue(object.encrypted, parseBoolean),
    accessModes: asList(object.accessModes).filter(
      (mode): mode is string => typeof mode === 'string',
    ),
  });
}

export function readStorage(raw: unknown): ReadList<VolumeFacts> {
  return readList(raw, readVolume);
}

// --- Ingresses in front of a workload ---------------------------------------

export interface IngressFacts {
  link?: LinkFacts;
  host: ReadValue<string>;
  authTier: ReadValue<string>;
  paths: string[];
  anubis: ReadValue<boolean>;
}

export function readIngresses(raw: unknown): ReadList<IngressFacts> {
  return readList(raw, item => {
    const object = asObject(item);
    if (!object) return { state: 'invalid', raw: JSON.stringify(item) };
    return known({
      link: readLink(object),
      host: readText(object.host),
      authTier: readText(object.authTier),
      paths: asList(object.paths).filter(
        (path): path is string => typeof path === 'string',
      ),
      anubis: readDetailValue(object.anubis, parseBoolean),
    });
  });
}
