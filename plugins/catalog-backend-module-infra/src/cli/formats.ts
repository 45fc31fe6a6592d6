import { ConventionFinding } from '@internal/backstage-plugin-infra-node';
import { PreviewSummary } from './summary';

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ');

/** `file:line: severity: message`, one finding a line, the form CI logs and forges pick up. */
export function formatLines(
  findings: ReadonlyArray<ConventionFinding>,
): string {
  return findings
    .map(
      f =>
        `${f.file}:${f.line}: ${f.severity}: ${oneLine(f.message)} (${
          f.rule
        })\n`,
    )
    .join('');
}

const counts = (c: Record<string, number>) =>
  Object.entries(c)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

const percent = (part: number, total: number) =>
  total === 0 ? 'n/a' : `${((100 * part) / total).toFixed(1)} %`;

/** The short human summary `--summary` prints. */
export function formatSummary(
  s: PreviewSummary,
  header: { source: string; scope?: string; gate?: string },
): string {
  const lines: string[] = [];
  lines.push(
    `Infra preview of ${header.source}: ${s.stacks} stacks${
      header.scope ? ` (${header.scope})` : ''
    }`,
  );
  lines.push(`Entities: ${s.entities.total}`);
  for (const [kind, k] of Object.entries(s.entities.byKind).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const types = Object.keys(k.byType).filter(t => t !== '-');
    lines.push(
      `  ${kind} ${k.total}${types.length ? `: ${counts(k.byType)}` : ''}`,
    );
  }
  const i = s.ingresses;
  lines.push(
    `Ingresses: ${i.total}, full hostname on ${i.withFullHost} (${percent(
      i.withFullHost,
      i.total,
    )}); unresolved ${i.unresolvedHost}, not a full hostname ${i.notFullHost}`,
  );
  lines.push(
    `Unresolved values: ${s.unresolved.total}${
      s.unresolved.total ? ` (${counts(s.unresolved.byReason)})` : ''
    }`,
  );
  for (const t of s.unresolved.top)
    lines.push(
      `  ${t.expression}${t.reason ? ` [${t.reason}]` : ''}: ${t.entities} ${
        t.entities === 1 ? 'entity' : 'entities'
      }`,
    );
  lines.push(
    `Files not read: ${s.skippedFiles.total}${
      s.skippedFiles.total ? ` (${counts(s.skippedFiles.byReason)})` : ''
    }`,
  );
  lines.push(
    `Findings: ${s.findings.total}${
      s.findings.total ? ` (${counts(s.findings.bySeverity)})` : ''
    }`,
  );
  for (const [rule, bySeverity] of Object.entries(s.findings.byRule).sort(
    ([a], [b]) => a.localeCompare(b),
  ))
    lines.push(`  ${rule}: ${counts(bySeverity)}`);
  if (s.allowed.total)
    lines.push(
      `Allowed on purpose: ${s.allowed.total} (${counts(s.allowed.byRule)})`,
    );
  lines.push(`Dangling references: ${s.danglingReferences.length || 'none'}`);
  for (const d of s.danglingReferences)
    lines.push(`  ${d.from} spec.${d.field} -> ${d.target}`);
  if (header.gate) lines.push(header.gate);
  return `${lines.join('\n')}\n`;
}
