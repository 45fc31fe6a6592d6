import { InfraFacts } from '../../lib/infraFacts';
import { AuthTierChip } from '../AuthTierChip';
import { HostLink } from '../HostLink';
import { InfraField } from '../InfraField';
import { ReadValueView } from '../ReadValueView';

/** How the app is reached from outside: auth tier, host, DNS and Anubis. */
export function ExposureFields(props: {
  facts: InfraFacts;
  /** Said when nothing about exposure was recorded. */
  noIngress: string;
}) {
  const { facts, noIngress } = props;
  const exposureFacts = [
    facts.authTier,
    facts.host,
    facts.dnsType,
    facts.anubis,
  ];
  // A workload no ingress fronts has none of these; one line says so
  // instead of four "not recorded" rows.
  if (exposureFacts.every(fact => fact.state === 'missing')) {
    return <InfraField label="Ingress">{noIngress}</InfraField>;
  }
  return (
    <>
      <InfraField label="Auth tier">
        <AuthTierChip
          tier={facts.authTier}
          justification={facts.authJustification}
        />
      </InfraField>
      <InfraField label="Host">
        <HostLink host={facts.host} />
      </InfraField>
      <InfraField label="DNS type">
        <ReadValueView value={facts.dnsType} missing="no DNS type recorded" />
      </InfraField>
      <InfraField label="Anubis">
        <ReadValueView
          value={facts.anubis}
          missing="not recorded"
          render={inFront =>
            inFront ? 'in front (proof-of-work challenge)' : 'not in front'
          }
        />
      </InfraField>
    </>
  );
}
