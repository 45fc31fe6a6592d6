import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Language, Parser } from 'web-tree-sitter';

/** One tree-sitter WebAssembly instance with the terraform grammar loaded. */
export interface HclParserInstance {
  parser: Parser;
  /** Current size of the instance's WebAssembly memory, in bytes (it never shrinks). */
  heapBytes(): number;
}

/** The part of web-tree-sitter this package uses. */
interface TreeSitterLibrary {
  Parser: {
    init(moduleOptions?: object): Promise<void>;
    new (): Parser;
  };
  Language: { load(input: Uint8Array): Promise<Language> };
}

/** What emscripten writes onto the options object given to `Parser.init`. */
interface RuntimeViews {
  HEAPU8?: Uint8Array;
}

type LibraryFactory = () => TreeSitterLibrary;

let libraryFactory: LibraryFactory | undefined;
let grammarBytes: Promise<Uint8Array> | undefined;

/**
 * web-tree-sitter keeps its WebAssembly instance in module state, and
 * `Parser.init()` returns that same instance forever: once it has aborted
 * (out of memory on a hostile input), every later parse throws `Aborted()`.
 * So the library's CommonJS code is compiled once and run anew for every
 * instance, each run with its own module state. `new Function` rather than
 * `vm`: the code must run in the caller's realm (Jest gives each test file
 * its own, and the library checks `instanceof Uint8Array`).
 */
function compileLibrary(): LibraryFactory {
  const file = require.resolve('web-tree-sitter');
  const code = readFileSync(file, 'utf8');
  // eslint-disable-next-line no-new-func
  const body = new Function(
    'exports',
    'require',
    'module',
    '__filename',
    '__dirname',
    code,
  );
  const requireFromLibrary = createRequire(file);
  return () => {
    const module = { exports: {} };
    body(module.exports, requireFromLibrary, module, file, path.dirname(file));
    return module.exports as TreeSitterLibrary;
  };
}

/**
 * The terraform dialect of tree-sitter-hcl, compiled to WebAssembly: no
 * native build, and it keeps comments and positions. Read as bytes:
 * `Language.load` of a path would use a dynamic import, which Jest's VM
 * does not allow.
 */
function loadGrammar(): Promise<Uint8Array> {
  if (!grammarBytes) {
    const pkg = require.resolve(
      '@tree-sitter-grammars/tree-sitter-hcl/package.json',
    );
    grammarBytes = readFile(
      path.join(path.dirname(pkg), 'tree-sitter-terraform.wasm'),
    ).then(
      buf => new Uint8Array(buf),
      e => {
        grammarBytes = undefined;
        throw e;
      },
    );
  }
  return grammarBytes;
}

/** A new WebAssembly instance of tree-sitter, sharing nothing with earlier ones. */
export async function createHclParserInstance(): Promise<HclParserInstance> {
  libraryFactory ??= compileLibrary();
  const library = libraryFactory();
  const views: RuntimeViews = {};
  await library.Parser.init(views);
  const language = await library.Language.load(await loadGrammar());
  const parser = new library.Parser();
  parser.setLanguage(language);
  return { parser, heapBytes: () => views.HEAPU8?.byteLength ?? 0 };
}
