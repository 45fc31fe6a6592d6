import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import catalogPlugin, {
  CatalogExportSettings,
  CatalogIndexPage,
} from '@backstage/plugin-catalog/alpha';
import { withAuthTierColumn } from './authTierColumn';
import { withReadableColumns } from './readableColumns';

const catalogPage = catalogPlugin.getExtension('page:catalog');

/** The data ref of the page's `exportConfig` input (the catalog does not export it). */
const [exportConfigRef] = catalogPage.inputs.exportConfig.extensionData;

/**
 * The catalog index page with the auth tier column added, and cells that
 * wrap between words (readableColumns).
 *
 * The catalog's `page:catalog` takes filters as extensions but has no input
 * for table columns, so adding one means overriding the page's loader. This
 * keeps everything else the stock loader does: filter extensions, the
 * `pagination` and `exportSettings` config, and export customisations.
 */
const catalogPageWithAuthTierColumn = catalogPage.override({
  factory(originalFactory, { inputs, config }) {
    return originalFactory({
      params: {
        loader: async () => {
          const filters = inputs.filters.map(filter =>
            filter.get(coreExtensionData.reactElement),
          );
          const exportSettings: CatalogExportSettings = {
            ...config.exportSettings,
          };
          for (const input of inputs.exportConfig) {
            const data = input.get(exportConfigRef);
            if (!data) continue;
            if (data.exporters) {
              exportSettings.exporters = {
                ...exportSettings.exporters,
                ...data.exporters,
              };
            }
            exportSettings.columns ??= data.columns;
            exportSettings.onSuccess ??= data.onSuccess;
            exportSettings.onError ??= data.onError;
          }
          return (
            <CatalogIndexPage
              filters={<>{filters}</>}
              columns={withReadableColumns(withAuthTierColumn())}
              pagination={config.pagination}
              exportSettings={
                exportSettings.enabled ? exportSettings : undefined
              }
            />
          );
        },
      },
    });
  },
});

/**
 * A catalog module from the infra plugin: install it next to the catalog
 * plugin to show the auth tier column in the catalog list.
 */
export const infraCatalogModule = createFrontendModule({
  pluginId: 'catalog',
  extensions: [catalogPageWithAuthTierColumn],
});
