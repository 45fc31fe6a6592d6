import { useEffect, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef, Entity } from '@backstage/catalog-model';
import {
  FieldExtensionComponentProps,
  FieldExtensionOptions,
} from '@backstage/plugin-scaffolder-react';
import {
  checkNewApp,
  NewAppPlan,
  planNewApp,
} from '@internal/backstage-plugin-infra-common';
import { sayProblem } from './infraRules';

/** What the review step lists (the stock review shows these as rows). */
export interface NewAppPlanSummary {
  pullRequest: string;
  owner: string;
  hosts: string[];
  files: string[];
  resources: string[];
}

/** An owner as people know it: the profile's display name or the title, then the ref. */
export function ownerName(entity: Entity | undefined, ref: string): string {
  const profile = (entity?.spec as { profile?: { displayName?: string } })
    ?.profile;
  const name = profile?.displayName ?? entity?.metadata.title;
  return name ? `${name} (${ref})` : ref;
}

function hostLine(h: NewAppPlan['hosts'][number]): string {
  const where = h.paths.length
    ? `${h.subdomain} ${h.paths.join(', ')}`
    : h.subdomain;
  const why = h.justification ? ` Justification: ${h.justification}` : '';
  return `${where}: auth = "${h.tier}", ${h.meaning}${why}`;
}

export function summarize(plan: NewAppPlan, owner: string): NewAppPlanSummary {
  return {
    pullRequest: `${plan.pullRequest.title} (branch ${plan.pullRequest.branch})`,
    owner,
    hosts: plan.hosts.length
      ? plan.hosts.map(hostLine)
      : ['No host: reachable inside the cluster only'],
    files: plan.files,
    resources: plan.resources,
  };
}

function Section(props: { title: string; items: string[] }) {
  return (
    <Box mt={2}>
      <Typography variant="h6" component="h3">
        {props.title}
      </Typography>
      <ul>
        {props.items.map(i => (
          <li key={i}>
            <Typography variant="body2">{i}</Typography>
          </li>
        ))}
      </ul>
    </Box>
  );
}

/**
 * `ui:field: InfraNewAppPlan`: the last page of the new-app wizard. Says what
 * Create will do, from the shared plan of the checked values: the pull
 * request, the owner by name, each host with its tier and justification,
 * the files and the resources. It writes the same as a summary into the
 * form, which the review step lists instead of the raw inputs. With a value
 * the rules refuse, it lists the problems and Review is blocked.
 */
export function NewAppPlanField(
  props: FieldExtensionComponentProps<NewAppPlanSummary>,
) {
  const { onChange, formContext, formData } = props;
  const values = formContext?.formData as Record<string, unknown> | undefined;
  const checked = useMemo(() => checkNewApp(values ?? {}), [values]);
  const plan = checked.spec ? planNewApp(checked.spec) : undefined;
  const ownerRef = checked.spec?.owner;

  const catalogApi = useApi(catalogApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const { value: ownerEntity } = useAsync(
    async () => (ownerRef ? catalogApi.getEntityByRef(ownerRef) : undefined),
    [catalogApi, ownerRef],
  );
  const owner = ownerRef ? ownerName(ownerEntity, ownerRef) : '';
  const summary = plan ? summarize(plan, owner) : undefined;
  const summaryJson = JSON.stringify(summary);

  useEffect(() => {
    if (summaryJson !== JSON.stringify(formData))
      onChange(summaryJson ? JSON.parse(summaryJson) : undefined);
  }, [summaryJson, formData, onChange]);

  if (!plan || !ownerRef) {
    return (
      <Box>
        <Typography variant="h6" component="h3">
          Create would be refused
        </Typography>
        <Typography variant="body2">
          Go back and fix these fields; nothing has been sent yet.
        </Typography>
        <ul>
          {checked.problems.map(p => (
            <li key={`${p.field}${p.problem}`}>
              <Typography variant="body2">{sayProblem(p, '')}</Typography>
            </li>
          ))}
        </ul>
      </Box>
    );
  }
  const ownerParts = parseEntityRef(ownerRef);
  return (
    <Box>
      <Typography variant="body1">
        Create opens a pull request against the infra repo; nothing is applied
        from the portal.
      </Typography>
      <Box mt={2}>
        <Typography variant="h6" component="h3">
          Pull request
        </Typography>
        <Typography variant="body2">
          {plan.pullRequest.title}, on branch{' '}
          <code>{plan.pullRequest.branch}</code>
        </Typography>
      </Box>
      <Box mt={2}>
        <Typography variant="h6" component="h3">
          Owner
        </Typography>
        <Typography variant="body2">
          <Link
            to={entityRoute({
              kind: ownerParts.kind,
              namespace: ownerParts.namespace,
              name: ownerParts.name,
            })}
          >
            {owner}
          </Link>
        </Typography>
      </Box>
      <Section title="Host and auth tier" items={summary!.hosts} />
      <Section title="Files" items={plan.files} />
      <Section title="Resources" items={plan.resources} />
    </Box>
  );
}

export const newAppPlanFieldOptions: FieldExtensionOptions<NewAppPlanSummary> =
  {
    name: 'InfraNewAppPlan',
    component: NewAppPlanField,
    // Review stays blocked while any rule fails, on any page.
    validation: (_value, validation, context) => {
      for (const p of checkNewApp(
        (context.formData ?? {}) as Record<string, unknown>,
      ).problems)
        validation.addError(sayProblem(p, ''));
    },
  };
