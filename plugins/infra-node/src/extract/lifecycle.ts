import { HclBlock, HclComment } from '../hcl/types';
import { attr, commentsWithin, first } from '../model/blocks';
import { LifecycleModel, LiveManagedField } from '../model/types';
import { at } from './context';

/** The `lifecycle` block: `ignore_changes` entries and the Kyverno marker. */
export function readLifecycle(
  b: HclBlock,
  comments: ReadonlyArray<HclComment>,
): LifecycleModel {
  const lc = first(b, 'lifecycle');
  if (!lc) return { ignoreChanges: [], kyvernoMarker: false };
  const ic = attr(lc, 'ignore_changes');
  let items: string[] = [];
  if (ic?.expr.kind === 'tuple')
    items = ic.expr.items.map(i => i.raw.replace(/\s+/g, ''));
  else if (ic) items = [ic.expr.raw];
  const inside = commentsWithin(lc, comments);
  return {
    ignoreChanges: items,
    kyvernoMarker: inside.some(c => c.text.includes('KYVERNO_LIFECYCLE_V1')),
    source: at(ic ? lc : b, ic?.line ?? lc.line),
  };
}

/** Who takes a field over, from the words next to the `ignore_changes` entry and the workload's annotations. */
function managerOf(
  field: string,
  note: string,
  annotations: Record<string, string>,
): string {
  const text = note.toLowerCase();
  if (
    /keel/.test(text) ||
    (field === 'image' &&
      Object.keys(annotations).some(k => k.startsWith('keel.sh/')))
  )
    return 'Keel';
  if (/\bhpa\b|autoscal/.test(text)) return 'an autoscaler';
  if (/keda|scale[- ]?to[- ]?zero|on[- ]demand|scaler/.test(text))
    return 'an on-demand scaler';
  if (field === 'replicas')
    return 'something outside Terraform (an autoscaler or scaler)';
  return 'something outside Terraform';
}

/**
 * Fields Terraform hands over to something else through `ignore_changes`:
 * a container image (Keel's tag updates) or the replica count (an
 * autoscaler, an on-demand scaler). The declared value is then a seed.
 */
export function liveManagedFields(
  b: HclBlock,
  comments: ReadonlyArray<HclComment>,
  annotations: Record<string, string>,
): LiveManagedField[] {
  const lc = first(b, 'lifecycle');
  const ic = attr(lc, 'ignore_changes');
  if (!lc || !ic || ic.expr.kind !== 'tuple') return [];
  const inside = commentsWithin(lc, comments);
  const out: LiveManagedField[] = [];
  for (const item of ic.expr.items) {
    const entry = item.raw.replace(/\s+/g, '');
    let field: string | undefined;
    if (/container\[\d+\]\.image$/.test(entry)) field = 'image';
    else if (/^spec\[0\]\.replicas$/.test(entry)) field = 'replicas';
    if (!field || out.some(f => f.field === field)) continue;
    const note = inside
      .filter(c => c.line === item.line)
      .map(c => c.text)
      .join(' ');
    out.push({
      field,
      manager: managerOf(field, note, annotations),
      evidence: note ? `${entry} # ${note}` : entry,
      at: { file: b.file, line: item.line },
    });
  }
  return out;
}
