/**
 * A small typed model of HCL source, built from the tree-sitter syntax tree.
 * It keeps what the infra model needs: block structure, expressions (as a
 * tiny AST, resolved later against a scope), comments and 1-based lines.
 */

/** A comment, with its 1-based first and last line. */
export interface HclComment {
  /** The comment text without its `#`, `//` or `/* *\/` markers, trimmed. */
  text: string;
  line: number;
  endLine: number;
  /** True when nothing but whitespace precedes the comment on its first line. */
  ownLine: boolean;
}

interface ExprBase {
  /** The expression as written. */
  raw: string;
  /** 1-based line where the expression starts. */
  line: number;
}

export type TemplatePart = string | Expr;

/** Step of a traversal: `.name` or `[0]` / `["key"]`, or a dynamic index. */
export type TraversalStep = string | number | { expr: Expr } | { splat: true };

export type Expr =
  | (ExprBase & { kind: 'literal'; value: string | number | boolean | null })
  | (ExprBase & {
      kind: 'template';
      /** Literal text and `${...}` interpolations, in order. */
      parts: TemplatePart[];
      /** True when the template holds `%{ if }` / `%{ for }` directives. */
      hasDirectives: boolean;
      heredoc: boolean;
    })
  | (ExprBase & { kind: 'tuple'; items: Expr[] })
  | (ExprBase & { kind: 'object'; entries: ObjectEntry[] })
  | (ExprBase & {
      kind: 'traversal';
      /** First identifier: `var`, `local`, `module`, `path`, a resource type, ... */
      root: string;
      steps: TraversalStep[];
    })
  | (ExprBase & {
      kind: 'call';
      name: string;
      args: Expr[];
      /** `f(list...)`: the last argument is expanded into arguments. */
      expandLast?: boolean;
    })
  | (ExprBase & { kind: 'conditional'; cond: Expr; then: Expr; else: Expr })
  | (ExprBase & { kind: 'binary'; op: string; left: Expr; right: Expr })
  | (ExprBase & { kind: 'unary'; op: string; operand: Expr })
  | (ExprBase & {
      kind: 'for';
      /** `{ for ... }` (an object) rather than `[ for ... ]` (a tuple). */
      object: boolean;
      keyVar?: string;
      valueVar: string;
      collection: Expr;
      /** The key expression of an object `for`. */
      key?: Expr;
      value: Expr;
      cond?: Expr;
      /** `...` after the value: group values by key. */
      grouping: boolean;
    })
  /** Attribute, index and splat steps after anything but a plain name: `f(x)[0].y`, `(e).a`. */
  | (ExprBase & { kind: 'postfix'; base: Expr; steps: TraversalStep[] })
  /** What the reader does not model: kept as raw text only. */
  | (ExprBase & { kind: 'other' });

export interface ObjectEntry {
  key: Expr;
  value: Expr;
  line: number;
}

export interface HclAttribute {
  name: string;
  expr: Expr;
  line: number;
  endLine: number;
  /** Own-line comments directly above the attribute (no blank line between), top to bottom. */
  leadingComments: HclComment[];
  /** A comment on the attribute's last line, after it. */
  trailingComment?: HclComment;
}

export interface HclBlock {
  /** `resource`, `module`, `locals`, `metadata`, `container`, ... */
  type: string;
  labels: string[];
  /** Attributes by name (a later duplicate wins, like Terraform's error would). */
  attributes: Record<string, HclAttribute>;
  blocks: HclBlock[];
  /** Repo-relative path of the file. */
  file: string;
  line: number;
  endLine: number;
  leadingComments: HclComment[];
  /** True for the `content` of a `dynamic "<type>"` block, exposed as a `<type>` block. */
  dynamic?: boolean;
}

export interface HclParseError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One parsed `.tf` / `.hcl` / `.tfvars` file. */
export interface HclFile {
  path: string;
  /** Top-level blocks. */
  blocks: HclBlock[];
  /** Top-level attributes (`.tfvars`, `terragrunt.hcl`). */
  attributes: Record<string, HclAttribute>;
  comments: HclComment[];
  /**
   * Set when the file has a syntax error. `blocks` are then empty, or the
   * last good parse of the same path when a {@link ParseCache} had one (so a
   * typo never makes entities disappear).
   */
  error?: HclParseError;
}
