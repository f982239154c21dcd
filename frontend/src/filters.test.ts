import { activeFilters, filtersFromParams, filtersToParams, TransactionFilters, withoutFilter } from './filters';

describe('transaction filters in the URL', () => {
  const all: TransactionFilters = {
    userId: 'u-1',
    type: 'DEBT',
    categoryId: 'c-9',
    from: '2026-01-01',
    to: '2026-06-30',
    minAmount: '10',
    maxAmount: '250.5',
    q: 'camp été',
  };

  it('survives a round trip through the URL', () => {
    const params = filtersToParams(all);
    const again = filtersFromParams(new URLSearchParams(params.toString()));
    expect(again).toEqual(all);
  });

  it('keeps the sort, drops the page and writes no empty filter', () => {
    const base = new URLSearchParams('sort=amount,desc&page=3&type=DEBT');
    const params = filtersToParams({ q: 'tent', type: undefined, from: '' }, base);
    expect(params.toString()).toBe('sort=amount%2Cdesc&q=tent');
  });

  it('ignores invalid values from a hand-edited link', () => {
    const filters = filtersFromParams(
      new URLSearchParams('type=GIFT&from=yesterday&minAmount=abc&maxAmount=12,5&q=%20'),
    );
    expect(filters).toEqual({ maxAmount: '12.5' });
  });

  it('lists the active filters in a stable order and removes one', () => {
    expect(activeFilters({ q: 'x', type: 'DEBT' }).map(([k]) => k)).toEqual(['type', 'q']);
    expect(withoutFilter(all, 'q').q).toBeUndefined();
    expect(withoutFilter(all, 'q').type).toBe('DEBT');
  });
});
