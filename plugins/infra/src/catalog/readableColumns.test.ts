import { CatalogTable } from '@backstage/plugin-catalog';
import { withReadableColumns } from './readableColumns';
import { withAuthTierColumn } from './authTierColumn';

const context = {
  filters: {},
  entities: [],
} as unknown as Parameters<typeof CatalogTable.defaultColumnsFunc>[0];

describe('withReadableColumns', () => {
  it('lets no cell break inside a word, and keeps names at least 18em wide', () => {
    const columns = withReadableColumns(withAuthTierColumn())(context);
    expect(columns.length).toBeGreaterThan(2);
    for (const column of columns) {
      expect(column.cellStyle).toMatchObject({
        wordBreak: 'normal',
        overflowWrap: 'normal',
      });
    }
    const name = columns.find(c => c.field === 'resolved.entityRef');
    expect(name?.cellStyle).toMatchObject({ minWidth: '18em' });
  });

  it("keeps a column's own cell style, computed or not", () => {
    const columns = withReadableColumns(() => [
      { title: 'A', cellStyle: { color: 'red' } },
      { title: 'B', cellStyle: () => ({ color: 'blue' }) },
    ])(context);
    expect(columns[0].cellStyle).toEqual({
      color: 'red',
      wordBreak: 'normal',
      overflowWrap: 'normal',
    });
    const computed = columns[1].cellStyle as (d: unknown, r: unknown) => object;
    expect(computed([], {})).toEqual({
      color: 'blue',
      wordBreak: 'normal',
      overflowWrap: 'normal',
    });
  });
});
