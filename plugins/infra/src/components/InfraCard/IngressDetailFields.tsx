import { IngressDetails } from '@internal/backstage-plugin-infra-common';
import { linkList, readLink, readText } from '../../lib/details';
import { known, parseBoolean, readDetailValue } from '../../lib/readValue';
import { readInstance } from '../../lib/workloadFacts';
import { HostLink } from '../HostLink';
import { InfraField } from '../InfraField';
import { InstanceSummary } from '../InstanceSummary';
import { ReadValueView } from '../ReadValueView';
import { RelatedEntityLinks } from '../RelatedEntityLinks';

/** What an ingress routes, beyond its exposure facts. */
export function IngressDetailFields(props: { details: IngressDetails }) {
  const { details } = props;
  const target = readLink(details.target);
  const paths = Array.isArray(details.paths) ? details.paths : [];
  const extraHosts = Array.isArray(details.extraHosts)
    ? details.extraHosts.filter((h): h is string => typeof h === 'string')
    : [];
  // Said what each is: the Deployment and its PDB usually share a name.
  const anubisLinks = [
    [readLink(details.anubisWorkload), 'Deployment'] as const,
    [readLink(details.anubisPdb), 'PDB'] as const,
  ]
    .filter(([l]) => !!l)
    .map(([l, what]) =>
      known({ ...l!, name: l!.name ? `${what} ${l!.name}` : what }),
    );
  const instance = readInstance(details.instance);
  return (
    <>
      <InfraField label="Written as">
        {details.ingressKind === 'plain' ? (
          <>
            a plain <code>kubernetes_ingress_v1</code> (
            <code>{details.moduleName}</code>)
          </>
        ) : (
          <>
            an <code>ingress_factory</code> call (
            <code>module.{details.moduleName}</code>)
          </>
        )}
      </InfraField>
      {extraHosts.length > 0 && (
        <InfraField label="Other hosts">
          {extraHosts.map((host, index) => (
            <span key={host}>
              {index > 0 && ', '}
              <HostLink host={known(host)} />
            </span>
          ))}
        </InfraField>
      )}
      {(details.homepageName || details.homepageDescription) && (
        <InfraField label="Homepage">
          {[details.homepageName, details.homepageDescription]
            .filter(Boolean)
            .join(': ')}
        </InfraField>
      )}
      {details.authDefaulted === true && (
        <InfraField label="Auth written">
          no: <code>auth</code> is omitted, so the fail-closed default applies
        </InfraField>
      )}
      <InfraField label="Paths">
        {paths.length > 0 ? <code>{paths.join(', ')}</code> : 'the whole host'}
      </InfraField>
      {details.antiAiScraping !== undefined && (
        <InfraField label="Anti-AI scraping">
          <ReadValueView
            value={readDetailValue(details.antiAiScraping, parseBoolean)}
            missing=""
            render={on => (on ? 'on' : 'off')}
          />
        </InfraField>
      )}
      {details.anubisInstance && (
        <InfraField label="Anubis instance">
          <code>{details.anubisInstance}</code>
          {anubisLinks.length > 0 && (
            <>
              {' ('}
              <RelatedEntityLinks links={known(anubisLinks)} none="" />)
            </>
          )}
        </InfraField>
      )}
      {instance && (
        <InfraField label="Instance">
          <InstanceSummary instance={instance} />
        </InfraField>
      )}
      <InfraField label="Backend service">
        <ReadValueView
          value={readText(details.service?.name)}
          missing="no service recorded"
          render={name => <code>{name}</code>}
        />
        {details.service?.port !== undefined && (
          <>
            :
            <ReadValueView
              value={readText(
                typeof details.service.port === 'number'
                  ? String(details.service.port)
                  : details.service.port,
              )}
              missing=""
            />
          </>
        )}
      </InfraField>
      <InfraField label="Routes to">
        <RelatedEntityLinks
          links={linkList(target)}
          none="no workload found behind the service"
        />
      </InfraField>
    </>
  );
}
