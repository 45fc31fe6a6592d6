/**
 * Search module for Infra Portal: the engine behind a ranking layer that
 * orders Lunr's and PostgreSQL's results alike, and index decorators.
 *
 * @packageDocumentation
 */
export { searchModuleInfra as default } from './module';
export {
  RankedSearchEngine,
  RANKED_CANDIDATES,
} from './engine/RankedSearchEngine';
export type { RankedSearchEngineOptions } from './engine/RankedSearchEngine';
export { NotIndexedYetError } from './engine/NotIndexedYetError';
export { rankResults } from './ranking/rankResults';
export type { IsPreferred } from './ranking/rankResults';
export { TopSectionDedupeDecorator } from './decorators/TopSectionDedupeDecorator';
export { ExcludeKindsDecorator } from './decorators/ExcludeKindsDecorator';
