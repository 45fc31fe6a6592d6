// The validated request types live with the shared rules (infra-common).
export type {
  AddIngressSpec,
  AuthChoice,
  CarveOut,
  ClientKind,
  DatabaseSpec,
  DnsType,
  IngressSpec,
  NewAppSpec,
  SecretRef,
  StorageSpec,
} from '@internal/backstage-plugin-infra-common';
