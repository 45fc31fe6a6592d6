import { IngressDetails } from '@internal/backstage-plugin-infra-common';
import { linkList, readLink, readText } from '../../lib/details';
import { InfraField } from '../InfraField';
import { parseBoolean, readDetailValue } from '../../lib/readValue';
import { ReadValueView } from '../ReadValueView';
import { RelatedEntityLinks } from '../RelatedEntityLinks';

/** What an `ingress_factory` call routes, beyond its exposure facts. */
export function IngressDetailFields(props: { details: IngressDetails }) {
  const { details } = props;
  const target = readLink(details.target);
  const paths = Array.isArray(details.paths) ? details.paths : [];
  return (
    <>
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
