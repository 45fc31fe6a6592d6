export type {
  DriftItem,
  FieldWriter,
} from '@internal/backstage-plugin-rollout-status-common';
