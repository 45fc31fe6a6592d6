import lunr from 'lunr';

/** Split as the search backend's Lunr does: on anything not a letter or a digit. */
function split(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function stem(word: string): string {
  return lunr.stemmer(new lunr.Token(word, {})).toString();
}

function meaningful(word: string): boolean {
  return lunr.stopWordFilter(new lunr.Token(word, {})) !== undefined;
}

/**
 * Words as both engines see them: split, stop words ("the", "on", "no")
 * dropped as Lunr drops them, stemmed with Lunr's English stemmer, so
 * "restoring" and "restore" are one word and "no space left on device"
 * reads "space left devic" in a query and in a page alike.
 */
export function words(text: string): string[] {
  return split(text).filter(meaningful).map(stem);
}

/** The distinct words of a query; none for a query of stop words only. */
export function queryWords(term: string): string[] {
  return [...new Set(words(term))];
}

/**
 * Whether a document word answers a query word: the same word, or one it
 * starts (the engines match prefixes too: "postgres" finds "postgresql").
 * Prefixes of one or two letters would match nearly everything.
 */
export function answers(queryWord: string, docWord: string): boolean {
  return (
    docWord === queryWord ||
    (queryWord.length >= 3 && docWord.startsWith(queryWord))
  );
}
