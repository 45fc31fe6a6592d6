import {
  ApiBlueprint,
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { searchApi, searchPage } from '@backstage/plugin-search/alpha';
import { SearchApi } from '@backstage/plugin-search-react';
import { NotIndexedYetSearchApi } from './NotIndexedYetSearchApi';
import { SearchPageLayout } from './SearchPageLayout';

/** The stock search API, saying "Not indexed yet" instead of failing silently. */
const searchApiSayingNotIndexed = searchApi.override({
  factory(originalFactory) {
    const stock = originalFactory().get(ApiBlueprint.dataRefs.factory);
    return [
      ApiBlueprint.dataRefs.factory({
        ...stock,
        factory: deps =>
          new NotIndexedYetSearchApi(stock.factory(deps) as SearchApi),
      }),
    ];
  },
});

/** The stock search page (its filters, result items and URL), laid out to keep results beside the filters. */
const searchPageKeepingResultsBeside = searchPage.override({
  *factory(originalFactory) {
    for (const output of originalFactory()) {
      yield output.id === coreExtensionData.reactElement.id
        ? coreExtensionData.reactElement(
            <SearchPageLayout>{output.value as JSX.Element}</SearchPageLayout>,
          )
        : output;
    }
  },
});

/** The search plugin as the portal shows it (docs/operations/search.md). */
export const searchModule = createFrontendModule({
  pluginId: 'search',
  extensions: [searchApiSayingNotIndexed, searchPageKeepingResultsBeside],
});
