/**
 * The web link of a `.tf` file and line, from an entity's
 * `backstage.io/source-location` (`url:<repo web root>/<file>#L<line>`):
 * the repo root is what precedes the entity's own declared file there.
 * Undefined when the annotation does not end in that file.
 */
export function fileLink(
  sourceLocation: string | undefined,
  declaredFile: string | undefined,
  file: string,
  line: number,
): string | undefined {
  if (!sourceLocation || !declaredFile) return undefined;
  const url = sourceLocation.replace(/^url:/, '').replace(/#.*$/, '');
  if (!url.endsWith(declaredFile)) return undefined;
  return `${url.slice(0, url.length - declaredFile.length)}${file}#L${line}`;
}
