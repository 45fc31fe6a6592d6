import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import {
  FINDING_RULES,
  FindingRuleId,
  INFRA_ANNOTATIONS,
  INFRA_DOCS_ANNOTATIONS,
  parseDocsCounterparts,
} from '@internal/backstage-plugin-infra-common';
import { docsPagePath } from '../../lib/docsFacts';
import { parseAllowed, parseFindings } from '../../lib/findings';
import { repoFileUrl } from '../../lib/sourceLink';
import { AllowedItem, FindingItem } from '../FindingItem';

/**
 * Convention findings the catalog reported for this entity, and what the
 * convention policy allows here on purpose (with its reason). A findings
 * annotation that cannot be read is shown as such, never as "no findings".
 */
export function FindingsCard() {
  const { entity } = useEntity();
  const parsed = parseFindings(
    entity.metadata.annotations?.[INFRA_ANNOTATIONS.findings],
  );
  const { allowed, unreadable } = parseAllowed(
    entity.metadata.annotations?.[INFRA_ANNOTATIONS.allowed],
  );
  // The infra docs' own page for a rule's runbook, linked beside it.
  const counterparts = parseDocsCounterparts(
    entity.metadata.annotations?.[INFRA_DOCS_ANNOTATIONS.counterparts],
  );
  const counterpartOf = (rule: FindingRuleId) => {
    const { page, anchor } = FINDING_RULES[rule].runbook;
    const c = counterparts?.runbooks[`${page}#${anchor}`];
    if (!c || !counterparts) return undefined;
    const path = docsPagePath(counterparts.docsEntityRef, c.sitePath);
    return { title: c.title, path: c.anchor ? `${path}#${c.anchor}` : path };
  };
  return (
    <InfoCard title="Convention findings">
      {parsed.state === 'none' && (
        <Typography variant="body2">
          No findings: this entity follows the infra conventions the catalog
          checks.
        </Typography>
      )}
      {parsed.state === 'invalid' && (
        <Typography variant="body2" color="error">
          The {INFRA_ANNOTATIONS.findings} annotation could not be read, so
          findings are unknown: <code>{parsed.raw}</code>
        </Typography>
      )}
      {parsed.state === 'parsed' && (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {parsed.findings.map((item, index) =>
            item.state === 'readable' ? (
              <FindingItem
                key={index}
                finding={item.finding}
                fileUrl={repoFileUrl(
                  entity,
                  item.finding.file,
                  item.finding.line,
                )}
                counterpart={counterpartOf(item.finding.rule)}
              />
            ) : (
              <Typography
                key={index}
                component="li"
                variant="body2"
                color="error"
              >
                Unreadable finding: <code>{item.raw}</code>
              </Typography>
            ),
          )}
        </ul>
      )}
      {(allowed.length > 0 || unreadable > 0) && (
        <>
          <Typography variant="subtitle1" style={{ marginTop: 16 }}>
            Allowed on purpose
          </Typography>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {allowed.map((a, index) => (
              <AllowedItem
                key={index}
                allowed={a}
                fileUrl={repoFileUrl(entity, a.file, a.line)}
              />
            ))}
          </ul>
          {unreadable > 0 && (
            <Typography variant="body2" color="error">
              {unreadable} allowed exception(s) in {INFRA_ANNOTATIONS.allowed}{' '}
              could not be read.
            </Typography>
          )}
        </>
      )}
    </InfoCard>
  );
}
