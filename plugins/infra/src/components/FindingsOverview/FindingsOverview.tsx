import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  CATALOG_FILTER_EXISTS,
} from '@backstage/plugin-catalog-react';
import {
  FINDING_RULES,
  INFRA_ANNOTATIONS,
  InfraFinding,
} from '@internal/backstage-plugin-infra-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { parseFindings } from '../../lib/findings';

/** One finding with the entity it was found on. */
interface FoundOn {
  entity: Entity;
  finding: InfraFinding;
}

const SEVERITY_ORDER: Record<InfraFinding['severity'], number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** Every readable finding in the catalog, errors first. */
export function collectFindings(entities: Entity[]): {
  found: FoundOn[];
  unreadable: Entity[];
} {
  const found: FoundOn[] = [];
  const unreadable: Entity[] = [];
  for (const entity of entities) {
    const parsed = parseFindings(
      entity.metadata.annotations?.[INFRA_ANNOTATIONS.findings],
    );
    if (parsed.state === 'invalid') unreadable.push(entity);
    if (parsed.state !== 'parsed') continue;
    for (const item of parsed.findings) {
      if (item.state === 'readable') {
        found.push({ entity, finding: item.finding });
      } else {
        unreadable.push(entity);
      }
    }
  }
  found.sort(
    (a, b) =>
      SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity],
  );
  return { found, unreadable };
}

/**
 * The convention findings across the catalog as of its last ingest of the
 * infra repo, errors first; each links to the entity that has it (whose
 * Findings card has the fix and the runbook).
 */
export const FindingsOverview = (props: { limit?: number }) => {
  const limit = props.limit ?? 8;
  const catalogApi = useApi(catalogApiRef);
  const result = useAsync(
    () =>
      catalogApi.getEntities({
        filter: {
          [`metadata.annotations.${INFRA_ANNOTATIONS.findings}`]:
            CATALOG_FILTER_EXISTS,
        },
        fields: ['kind', 'metadata', 'spec.type'],
      }),
    [catalogApi],
  );
  if (result.loading) return <Progress />;
  if (result.error) {
    return (
      <Typography variant="body2" role="alert">
        Could not read the findings from the catalog: {result.error.message}
      </Typography>
    );
  }
  const { found, unreadable } = collectFindings(result.value?.items ?? []);
  if (found.length === 0 && unreadable.length === 0) {
    return (
      <Typography variant="body2">
        No findings: every entity follows the infra conventions the catalog
        checks.
      </Typography>
    );
  }
  return (
    <Box data-testid="findings-overview">
      <Typography variant="body2" color="textSecondary" paragraph>
        {found.length} finding{found.length === 1 ? '' : 's'} as of the
        catalog's last read of the infra repo
        {found.length > limit ? `; the first ${limit}, errors first` : ''}.
      </Typography>
      <Box component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {found.slice(0, limit).map(({ entity, finding }, i) => (
          <Box
            component="li"
            key={`${stringifyEntityRef(entity)}:${i}`}
            mb={1.5}
          >
            <Box display="flex" alignItems="center" style={{ gap: 8 }}>
              <Chip
                size="small"
                label={finding.severity}
                color={finding.severity === 'error' ? 'secondary' : 'default'}
                variant={finding.severity === 'info' ? 'outlined' : 'default'}
              />
              <EntityRefLink entityRef={getCompoundEntityRef(entity)} />
            </Box>
            <Typography variant="body2">
              {FINDING_RULES[finding.rule].title}: {finding.message}
            </Typography>
          </Box>
        ))}
      </Box>
      {unreadable.length > 0 && (
        <Typography variant="body2" role="alert">
          Findings on {unreadable.length} entit
          {unreadable.length === 1 ? 'y' : 'ies'} could not be read; their
          Findings cards say why.
        </Typography>
      )}
    </Box>
  );
};
