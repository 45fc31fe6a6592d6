import type { HclAttribute, HclBlock, HclComment } from './types';

/**
 * Attaches comments to what they document: the own-line comments directly
 * above a block or attribute (no blank line between) and the comment at the
 * end of an attribute's last line. The auth-tier convention lives in such
 * comments.
 */
export function attachComments(
  comments: ReadonlyArray<HclComment>,
  body: { attributes: Record<string, HclAttribute>; blocks: HclBlock[] },
) {
  if (comments.length === 0) return;
  const byEndLine = new Map<number, HclComment>();
  const trailingByLine = new Map<number, HclComment>();
  for (const c of comments) {
    if (c.ownLine) byEndLine.set(c.endLine, c);
    else if (!trailingByLine.has(c.line)) trailingByLine.set(c.line, c);
  }
  const leading = (line: number): HclComment[] => {
    const out: HclComment[] = [];
    for (let c = byEndLine.get(line - 1); c; c = byEndLine.get(c.line - 1)) {
      out.unshift(c);
    }
    return out;
  };
  const visit = (b: {
    attributes: Record<string, HclAttribute>;
    blocks: HclBlock[];
  }) => {
    for (const attr of Object.values(b.attributes)) {
      attr.leadingComments = leading(attr.line);
      attr.trailingComment = trailingByLine.get(attr.endLine);
    }
    for (const block of b.blocks) {
      block.leadingComments = leading(block.line);
      visit(block);
    }
  };
  visit(body);
}
