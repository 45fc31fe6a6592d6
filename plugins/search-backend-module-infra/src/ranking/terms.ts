import lunr from 'lunr';

/** Split as the search backend's Lunr does: on anything not a letter or a digit. */
function split(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Words seen so far, stemmed, or `null` for a stop word: a vocabulary, so bounded in practice; capped anyway. */
const known = new Map<string, string | null>();
const KNOWN_CAP = 200_000;

/** The stemmed word, or `null` for a stop word. Memoised: stemming is most of the cost of ranking. */
function normalise(word: string): string | null {
  let result = known.get(word);
  if (result === undefined) {
    result =
      lunr.stopWordFilter(new lunr.Token(word, {})) === undefined
        ? null
        : lunr.stemmer(new lunr.Token(word, {})).toString();
    if (known.size >= KNOWN_CAP) known.clear();
    known.set(word, result);
  }
  return result;
}

/**
 * Words as both engines see them: split, stop words ("the", "on", "no")
 * dropped as Lunr drops them, stemmed with Lunr's English stemmer, so
 * "restoring" and "restore" are one word and "no space left on device"
 * reads "space left devic" in a query and in a page alike.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const word of split(text)) {
    const normalised = normalise(word);
    if (normalised !== null) out.push(normalised);
  }
  return out;
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
