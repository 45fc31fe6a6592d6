/** One `key = value` of an INI file, with its 1-based line. */
export interface IniEntry {
  key: string;
  value: string;
  line: number;
}

/**
 * Reads an INI file (PgBouncer's format): `[section]` headers, `key = value`
 * lines, `;` and `#` comments. Sections and keys keep their written case.
 */
export function parseIni(content: string): Record<string, IniEntry[]> {
  const sections: Record<string, IniEntry[]> = {};
  let current = '';
  content
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((rawLine, i) => {
      const line = rawLine.trim();
      if (!line || line.startsWith(';') || line.startsWith('#')) return;
      const header = /^\[([^\]]+)\]$/.exec(line);
      if (header) {
        current = header[1].trim();
        sections[current] ??= [];
        return;
      }
      const eq = line.indexOf('=');
      if (eq < 0) return;
      (sections[current] ??= []).push({
        key: line.slice(0, eq).trim(),
        value: line.slice(eq + 1).trim(),
        line: i + 1,
      });
    });
  return sections;
}

/** Parses a libpq-style `host=x port=5432 dbname=y` connection string. */
export function parseConnString(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of value.matchAll(/([a-z_]+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/gi)) {
    out[m[1].toLowerCase()] = m[2].replace(/^'|'$/g, '');
  }
  return out;
}
