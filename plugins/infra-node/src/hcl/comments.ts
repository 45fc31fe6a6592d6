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
  // Most blocks and attributes have no comment: they keep the parser's
  // shared empty list, and no lookup allocates anything for them.
  const leading = (line: number): HclComment[] | undefined => {
    let c = byEndLine.get(line - 1);
    if (!c) return undefined;
    const out: HclComment[] = [];
    for (; c; c = byEndLine.get(c.line - 1)) out.push(c);
    return out.reverse();
  };
  const visit = (b: {
    attributes: Record<string, HclAttribute>;
    blocks: HclBlock[];
  }) => {
    // Attribute maps have no prototype (see SyntaxParser): nothing inherited to skip.
    // eslint-disable-next-line guard-for-in
    for (const name in b.attributes) {
      const attr = b.attributes[name];
      const above = leading(attr.line);
      if (above) attr.leadingComments = above;
      const trailing = trailingByLine.get(attr.endLine);
      if (trailing) attr.trailingComment = trailing;
    }
    for (const block of b.blocks) {
      const above = leading(block.line);
      if (above) block.leadingComments = above;
      visit(block);
    }
  };
  visit(body);
}
