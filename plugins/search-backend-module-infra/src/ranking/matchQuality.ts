import { answers } from './terms';

/** How well one field (a title, a text) matches a query. */
export interface FieldMatch {
  /** Share of the query's words found in the field, 0 to 1. */
  coverage: number;
  /** The query's words appear side by side, in order (for one word: it appears). */
  phrase: boolean;
  /** The field is the query and nothing else. */
  exact: boolean;
}

export function matchField(query: string[], field: string[]): FieldMatch {
  if (!query.length || !field.length) {
    return { coverage: 0, phrase: false, exact: false };
  }
  const found = query.filter(q => field.some(w => answers(q, w))).length;
  let phrase = false;
  for (let i = 0; !phrase && i + query.length <= field.length; i++) {
    phrase = query.every((q, j) => answers(q, field[i + j]));
  }
  return {
    coverage: found / query.length,
    phrase,
    exact:
      field.length === query.length && query.every((q, i) => q === field[i]),
  };
}
