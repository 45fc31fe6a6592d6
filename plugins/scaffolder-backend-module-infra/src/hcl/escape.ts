/**
 * The one place where user input becomes HCL source. Every value a user
 * typed reaches a generated `.tf` file through {@link hclString} (a quoted
 * string literal), {@link hclIdentifier} (validated, never escaped) or
 * {@link hclComment} (a single sanitised comment line). Nothing else in the
 * renderers concatenates input into HCL.
 */

/**
 * Escapes text for the inside of an HCL quoted string so that Terraform
 * reads back exactly the original characters: no interpolation (`${` and
 * `%{` are doubled into their literal escapes, and a `$`/`%` doubled in
 * the input is written as a unicode escape), no early end of the string
 * (`"` and `\`), and no raw line breaks or other control characters.
 */
export function escapeHclString(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    const next = value[i + 1];
    if ((ch === '$' || ch === '%') && next === '{') {
      // `$${` and `%%{` are HCL's escapes for a literal `${` / `%{`.
      out += `${ch}${ch}{`;
      i++;
      continue;
    }
    if ((ch === '$' || ch === '%') && next === ch) {
      // A literal `$` right before an escaped `$${` would read `$$${`, which
      // parsers disagree on; a unicode escape keeps the two apart.
      out += ch === '$' ? '\\u0024' : '\\u0025';
      continue;
    }
    switch (ch) {
      case '\\':
        out += '\\\\';
        break;
      case '"':
        out += '\\"';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default: {
        const code = ch.charCodeAt(0);
        if (
          code < 0x20 ||
          code === 0x7f ||
          code === 0x2028 ||
          code === 0x2029
        ) {
          out += `\\u${code.toString(16).padStart(4, '0')}`;
        } else {
          out += ch;
        }
      }
    }
  }
  return out;
}

/** A complete HCL quoted string literal holding exactly `value`. */
export function hclString(value: string): string {
  return `"${escapeHclString(value)}"`;
}

/** A tuple of quoted strings: `["a", "b"]`. */
export function hclStringList(values: ReadonlyArray<string>): string {
  return `[${values.map(hclString).join(', ')}]`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Returns `name` when it is a valid HCL identifier (resource and module
 * labels, attribute names). Identifiers are validated, never escaped into
 * validity: a bad one is a bug in the caller's validation, so this throws.
 */
export function hclIdentifier(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(
      `Refusing to render ${JSON.stringify(name)} as an HCL identifier`,
    );
  }
  return name;
}

/** A DNS-1123 name as a Terraform resource label: `my-app` becomes `my_app`. */
export function terraformLabel(dnsName: string): string {
  return hclIdentifier(dnsName.replace(/-/g, '_'));
}

/**
 * Text reduced to one harmless comment line: line breaks, other control
 * characters and Unicode line separators become spaces, block-comment
 * markers are removed (so the text can neither end a comment nor open one),
 * runs of spaces collapse. Validation refuses such input first; this is the
 * second line of defence so that no caller can produce a multi-line comment.
 */
export function sanitizeCommentText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, ' ')
      .replace(/\/\*|\*\//g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A `# ...` comment line (without indentation or newline). */
export function hclComment(text: string): string {
  return `# ${sanitizeCommentText(text)}`;
}
