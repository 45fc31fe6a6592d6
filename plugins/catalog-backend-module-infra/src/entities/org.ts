import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { claimedStacks } from '@internal/backstage-plugin-infra-node';
import { parseAllDocuments } from 'yaml';

export interface OrgFile {
  /** The Group and User entities of the file. */
  entities: Entity[];
  /** Owner ref by stack name, from `infra.homelab/stacks` annotations. */
  stackOwners: Map<string, string>;
  /** Owner of every stack nobody lists (`infra.homelab/stacks: '*'`). */
  fallbackOwner?: string;
  /** Problems worth a log line (bad documents, a stack listed twice). */
  warnings: string[];
}

/**
 * Reads the org file of the infra repo: Backstage Group and User entities.
 * A Group or User owns the stacks listed (comma-separated) in its
 * `infra.homelab/stacks` annotation; `*` makes it the owner of every stack
 * no one lists. When two list the same stack, the first in the file wins.
 */
export function parseOrgFile(content: string, file: string): OrgFile {
  const out: OrgFile = { entities: [], stackOwners: new Map(), warnings: [] };
  const docs = parseAllDocuments(content);
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    if (doc.errors.length) {
      out.warnings.push(`${file}: ${doc.errors[0].message.split('\n')[0]}`);
      continue;
    }
    const e = doc.toJSON() as Entity | null;
    if (!e || typeof e !== 'object') continue;
    if ((e.kind !== 'Group' && e.kind !== 'User') || !e.metadata?.name) {
      out.warnings.push(
        `${file}: skipped a document that is not a Group or User with a name`,
      );
      continue;
    }
    out.entities.push(e);
    const ref = stringifyEntityRef({
      kind: e.kind,
      namespace: e.metadata.namespace,
      name: e.metadata.name,
    });
    for (const s of claimedStacks(e)) {
      if (s === '*') {
        if (out.fallbackOwner)
          out.warnings.push(
            `${file}: more than one owner claims '*'; keeping ${out.fallbackOwner}`,
          );
        else out.fallbackOwner = ref;
      } else if (out.stackOwners.has(s)) {
        out.warnings.push(
          `${file}: stack ${s} is claimed by ${out.stackOwners.get(
            s,
          )} and ${ref}; keeping the first`,
        );
      } else {
        out.stackOwners.set(s, ref);
      }
    }
  }
  return out;
}
