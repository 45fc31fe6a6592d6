import { TableColumn } from '@backstage/core-components';
import {
  CatalogTable,
  CatalogTableColumnsFunc,
  CatalogTableRow,
} from '@backstage/plugin-catalog';
import { INFRA_ANNOTATIONS } from '@internal/backstage-plugin-infra-common';
import { AuthTierCell } from '../components/AuthTierCell';

const tierOf = (row: CatalogTableRow): string =>
  row.entity.metadata.annotations?.[INFRA_ANNOTATIONS.authTier] ?? '';

/**
 * A catalog table column showing each entity's auth tier. It renders from
 * the annotation rather than a `field` path because the annotation key
 * contains dots, which the table would read as nested fields.
 */
export function createAuthTierColumn(): TableColumn<CatalogTableRow> {
  return {
    title: 'Auth tier',
    render: row => <AuthTierCell entity={row.entity} />,
    customSort: (a, b) => tierOf(a).localeCompare(tierOf(b)),
    customFilterAndSearch: (query: string, row) =>
      tierOf(row).includes(String(query).toLowerCase()),
  };
}

/**
 * Adds the auth tier column right after the name column of a catalog
 * columns function (the catalog's defaults unless another is given).
 */
export function withAuthTierColumn(
  base: CatalogTableColumnsFunc = CatalogTable.defaultColumnsFunc,
): CatalogTableColumnsFunc {
  return context => {
    const columns = base(context);
    const nameIndex = columns.findIndex(c => c.field === 'resolved.entityRef');
    const at = nameIndex === -1 ? columns.length : nameIndex + 1;
    return [
      ...columns.slice(0, at),
      createAuthTierColumn(),
      ...columns.slice(at),
    ];
  };
}
