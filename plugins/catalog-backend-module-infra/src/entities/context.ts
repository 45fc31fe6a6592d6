import {
  InfraAllowedFinding,
  InfraFinding,
  SourceRef,
} from '@internal/backstage-plugin-infra-common';
import {
  ConventionAllowed,
  ConventionFinding,
  InfraModel,
  SourcePos,
} from '@internal/backstage-plugin-infra-node';
import { ModelIndex } from './indexes';
import { SourceLinks } from './links';
import { assignEntityRefs, EntityRefs } from './refs';

/**
 * What every per-kind entity builder reads: the model with its indexes,
 * the names decided up front, links, owners and findings. Built once per
 * ingest; builders only read it.
 */
export interface EntityContext {
  model: InfraModel;
  refs: EntityRefs;
  index: ModelIndex;
  links: SourceLinks;
  /** Lifecycle written on components. */
  lifecycle: string;
  ownerOf(stack: string): string;
  /** A source position with its browser link, for the details annotation. */
  src(pos: SourcePos): SourceRef;
  /** Findings about a model object (or `stack:<name>`), as the annotation holds them. */
  findingsOf(subject: string): InfraFinding[] | undefined;
  /** What the convention policy allows on a model object, with the reason. */
  allowedOf(subject: string): InfraAllowedFinding[] | undefined;
}

export interface EntityContextOptions {
  findings: ReadonlyArray<ConventionFinding>;
  /** Exceptions the convention policy allows (default none). */
  allowed?: ReadonlyArray<ConventionAllowed>;
  links: SourceLinks;
  ownerOf(stack: string): string;
  lifecycle?: string;
}

export function createEntityContext(
  model: InfraModel,
  options: EntityContextOptions,
): EntityContext {
  const { links } = options;
  const bySubject = groupBySubject(options.findings);
  const allowedBySubject = groupBySubject(options.allowed ?? []);
  return {
    model,
    refs: assignEntityRefs(model),
    index: new ModelIndex(model),
    links,
    lifecycle: options.lifecycle ?? 'production',
    ownerOf: options.ownerOf,
    src: pos => {
      const url = links.webUrl(pos.file, pos.line);
      return url
        ? { file: pos.file, line: pos.line, url }
        : { file: pos.file, line: pos.line };
    },
    findingsOf: subject => bySubject.get(subject),
    allowedOf: subject => allowedBySubject.get(subject),
  };
}

/** Items by the model object they are about, without the `subject` field. */
function groupBySubject<T extends { subject: string }>(
  items: ReadonlyArray<T>,
): Map<string, Array<Omit<T, 'subject'>>> {
  const out = new Map<string, Array<Omit<T, 'subject'>>>();
  for (const { subject, ...rest } of items) {
    const list = out.get(subject);
    if (list) list.push(rest);
    else out.set(subject, [rest]);
  }
  return out;
}
