/*
 * `terraform fmt` aligns the `=` of consecutive one-line attributes (and
 * object items) at the same indentation. A blank line, a comment line, a
 * block, or an attribute whose value goes on over more lines ends the run;
 * that last one keeps a single space before its `=`.
 */

// `name = value` or `"key" = value`, with what comes before and after `=`.
const ATTRIBUTE =
  /^(\s*)([A-Za-z_][A-Za-z0-9_-]*|"(?:[^"\\]|\\.)*")\s*=(?!=)\s*(.*)$/;

/** True when the value closes on its own line (brackets and quotes balanced). */
function isOneLine(value: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '#' || (c === '/' && value[i + 1] === '/')) break;
    else if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
  }
  return depth === 0 && !inString && !/<<-?[A-Z_]+\s*$/.test(value);
}

/** Re-aligns every run of one-line attributes of a generated HCL file. */
export function alignAttributes(text: string): string {
  const lines = text.split('\n');
  let run: Array<{
    index: number;
    indent: string;
    name: string;
    value: string;
  }> = [];
  const flush = () => {
    const width = Math.max(...run.map(r => r.name.length));
    for (const r of run)
      lines[r.index] = `${r.indent}${r.name.padEnd(width)} = ${r.value}`;
    run = [];
  };
  lines.forEach((line, index) => {
    const m = ATTRIBUTE.exec(line);
    const attr =
      m && isOneLine(m[3])
        ? { index, indent: m[1], name: m[2], value: m[3] }
        : undefined;
    if (!attr || (run.length > 0 && run[0].indent !== attr.indent)) {
      if (run.length > 0) flush();
      if (m && !attr) lines[index] = `${m[1]}${m[2]} = ${m[3]}`;
    }
    if (attr) run.push(attr);
  });
  if (run.length > 0) flush();
  return lines.join('\n');
}
