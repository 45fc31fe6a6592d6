import { CSSProperties } from 'react';
import { TableColumn } from '@backstage/core-components';
import {
  CatalogTableColumnsFunc,
  CatalogTableRow,
} from '@backstage/plugin-catalog';

/**
 * Cells break between words only. The stock table lets a cell break
 * anywhere (`word-break: break-word`), and a crowded table then squeezes
 * a name like `ak-outpost-authentik-embedded-outpost` to one letter per
 * line; with this a long name wraps at its dashes and the table scrolls.
 */
const READABLE_CELL: CSSProperties = {
  wordBreak: 'normal',
  overflowWrap: 'normal',
};

/** Names are what people scan for: wide enough that a long name wraps at most once or twice at its dashes. */
const NAME_CELL: CSSProperties = { ...READABLE_CELL, minWidth: '18em' };

type CellStyle = TableColumn<CatalogTableRow>['cellStyle'];

function withStyle(existing: CellStyle, extra: CSSProperties): CellStyle {
  if (typeof existing === 'function') {
    return (data, row) => ({ ...existing(data, row), ...extra });
  }
  return { ...existing, ...extra };
}

/** A catalog columns function whose cells wrap at word boundaries. */
export function withReadableColumns(
  base: CatalogTableColumnsFunc,
): CatalogTableColumnsFunc {
  return context =>
    base(context).map(column => ({
      ...column,
      cellStyle: withStyle(
        column.cellStyle,
        column.field === 'resolved.entityRef' ? NAME_CELL : READABLE_CELL,
      ),
    }));
}
