import { attachComments } from './comments';
import { HclSyntaxError, HclTooDeepError } from './syntax/HclSyntaxError';
import { SyntaxParser } from './syntax/SyntaxParser';
import { HclFile } from './types';

/** A file nested deeper than the limit it was parsed with: not parsed. */
export class HclFileTooDeep extends Error {
  constructor(
    readonly file: string,
    readonly limit: number,
    /** 1-based line where the limit was passed. */
    readonly line: number,
  ) {
    super(`${file} is nested more than ${limit} levels deep at line ${line}`);
    this.name = 'HclFileTooDeep';
  }
}

/**
 * Parses one HCL file (`.tf`, `.hcl`, `.tfvars`) into the typed model. Never
 * throws on bad syntax: the result then has no blocks and carries `error`
 * with the file, the 1-based line and column, and what is wrong. Throws
 * {@link HclFileTooDeep} past `options.maxDepth` levels of nesting; anything
 * else thrown is a bug of the parser. Callers that read many files catch
 * both per file (see `parseInfraFiles`).
 */
export function parseHcl(
  file: string,
  content: string,
  options: { maxDepth?: number } = {},
): HclFile {
  // CRLF and a BOM change no line numbers once normalised, and keep \r out
  // of literals and comments.
  // Both checked first: most files have neither, and a search for one
  // character is far cheaper than a replace over the whole text.
  let src = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  if (src.includes('\r')) src = src.replace(/\r\n?/g, '\n');
  const parser = new SyntaxParser(file, src, options.maxDepth);
  try {
    const { attributes, blocks } = parser.parseFile();
    attachComments(parser.comments, { attributes, blocks });
    return { path: file, blocks, attributes, comments: parser.comments };
  } catch (e) {
    if (e instanceof HclTooDeepError)
      throw new HclFileTooDeep(file, e.limit, parser.lines.lineOf(e.offset));
    if (!(e instanceof HclSyntaxError)) throw e;
    return {
      path: file,
      blocks: [],
      attributes: {},
      comments: parser.comments,
      error: {
        file,
        line: parser.lines.lineOf(e.offset),
        column: parser.lines.columnOf(e.offset),
        message: e.message,
      },
    };
  }
}
