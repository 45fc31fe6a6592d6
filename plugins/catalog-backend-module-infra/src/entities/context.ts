import {
  InfraFinding,
  SourceRef,
} from '@internal/backstage-plugin-infra-common';
import {
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
}

export interface EntityContextOptions {
  findings: ReadonlyArray<ConventionFinding>;
  links: SourceLinks;
  ownerOf(stack: string): string;
  lifecycle?: string;
}

export function createEntityContext(
  model: InfraModel,
  options: EntityContextOptions,
): EntityContext {
  const { links } = options;
  const bySubject = new Map<string, InfraFinding[]>();
  for (const { subject, ...finding } of options.findings) {
    const list = bySubject.get(subject);
    if (list) list.push(finding);
    else bySubject.set(subject, [finding]);
  }
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
  };
}
