import { Entity } from '@backstage/catalog-model';
import {
  AuthTier,
  INFRA_ANNOTATIONS,
  isAuthTier,
} from '@internal/backstage-plugin-infra-common';
import {
  ReadValue,
  parseBoolean,
  parseCount,
  parseText,
  readAnnotationValue,
} from './readValue';

/** The annotation-level facts the provider writes on an infra entity. */
export interface InfraFacts {
  stack: ReadValue<string>;
  authTier: ReadValue<AuthTier>;
  authJustification: ReadValue<string>;
  host: ReadValue<string>;
  dnsType: ReadValue<string>;
  anubis: ReadValue<boolean>;
  tier: ReadValue<string>;
  replicas: ReadValue<number>;
  criticalPath: ReadValue<boolean>;
}

const parseAuthTier = (text: string): AuthTier | undefined =>
  isAuthTier(text) ? text : undefined;

export function readInfraFacts(entity: Entity): InfraFacts {
  const annotations = entity.metadata.annotations ?? {};
  const text = (key: string) =>
    readAnnotationValue(annotations[key], parseText);
  return {
    stack: text(INFRA_ANNOTATIONS.stack),
    authTier: readAnnotationValue(
      annotations[INFRA_ANNOTATIONS.authTier],
      parseAuthTier,
    ),
    authJustification: text(INFRA_ANNOTATIONS.authJustification),
    host: text(INFRA_ANNOTATIONS.host),
    dnsType: text(INFRA_ANNOTATIONS.dnsType),
    anubis: readAnnotationValue(
      annotations[INFRA_ANNOTATIONS.anubis],
      parseBoolean,
    ),
    tier: text(INFRA_ANNOTATIONS.tier),
    replicas: readAnnotationValue(
      annotations[INFRA_ANNOTATIONS.replicas],
      parseCount,
    ),
    criticalPath: readAnnotationValue(
      annotations[INFRA_ANNOTATIONS.criticalPath],
      parseBoolean,
    ),
  };
}

/** The card and the findings card only apply to entities the provider made. */
export function isInfraEntity(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[INFRA_ANNOTATIONS.stack]);
}
