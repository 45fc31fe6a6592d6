/** Text helpers of the HCL reader: escapes, heredoc indentation, comment markers. */

/** `$${` and `%%{` are the template escapes for a literal `${` / `%{`. */
export function unescapeTemplateMarkers(text: string): string {
  if (!text.includes('$${') && !text.includes('%%{')) return text;
  return text.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** A quoted string's backslash escapes (`\n`, `\"`, `\u00e9`, ...) and the template escapes. */
export function unescapeQuoted(text: string): string {
  const unescaped = text.includes('\\')
    ? text.replace(
        /\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g,
        (_m, esc: string) => {
          switch (esc[0]) {
            case 'n':
              return '\n';
            case 'r':
              return '\r';
            case 't':
              return '\t';
            case 'u':
            case 'U':
              return String.fromCodePoint(parseInt(esc.slice(1), 16));
            default:
              return esc;
          }
        },
      )
    : text;
  return unescapeTemplateMarkers(unescaped);
}

/** `<<-` heredocs: the smallest indentation of the non-blank lines is removed from every line. */
export function dedent(text: string): string {
  const lines = text.split('\n');
  let min = Infinity;
  for (const l of lines) {
    if (!l.trim()) continue;
    min = Math.min(min, indentOf(l));
  }
  if (!Number.isFinite(min) || min === 0) return text;
  return lines.map(l => l.slice(Math.min(min, indentOf(l)))).join('\n');
}

function indentOf(line: string): number {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t') i++;
  return i;
}

/** A comment's text without its `#`, `//` or `/* *\/` markers, trimmed. */
export function stripCommentMarkers(text: string): string {
  if (text.startsWith('/*'))
    return text.slice(2, text.endsWith('*/') ? -2 : undefined).trim();
  if (text.startsWith('//')) return text.slice(2).trim();
  if (text.startsWith('#')) return text.slice(1).trim();
  return text.trim();
}
