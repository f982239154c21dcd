import { formatDate, formatDateTime, formatMoney, formatMonth, lastMonths, parseAmount } from './format';

// Intl separates French thousands with a narrow no-break space and puts a no-break space before € (after it in Dutch).
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it('formats euros the English way', () => {
    expect(formatMoney(1234.5, 'en')).toBe('€1,234.50');
    expect(formatMoney(-20, 'en')).toBe('-€20.00');
  });
  it('formats euros the French way', () => {
    expect(spaces(formatMoney(1234.5, 'fr'))).toBe('1 234,50 €');
  });
  it('formats euros the Belgian Dutch way', () => {
    expect(spaces(formatMoney(1234.5, 'nl'))).toBe('€ 1.234,50');
    expect(spaces(formatMoney(-20, 'nl'))).toBe('€ -20,00');
  });
  it('shows nothing as zero', () => {
    expect(formatMoney(null, 'en')).toBe('€0.00');
  });
});

describe('formatDate', () => {
  it('shows a calendar date as that very day in each language', () => {
    expect(formatDate('2026-01-15', 'en')).toBe('15 Jan 2026');
    expect(formatDate('2026-01-15', 'fr')).toBe('15 janv. 2026');
    expect(formatDate('2026-03-01', 'nl')).toBe('1 mrt 2026');
  });
  it('does not move the first of the month to the month before', () => {
    expect(formatDate('2026-03-01', 'en')).toBe('1 Mar 2026');
  });
  it('leaves what it cannot read as it is', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
    expect(formatDate(undefined, 'en')).toBe('');
  });
  it('formats instants and months', () => {
    expect(formatDateTime('2026-01-15T10:00:00Z', 'en')).toMatch(/15 Jan 2026/);
    expect(formatMonth('2026-11', 'fr')).toBe('nov. 2026');
    expect(formatMonth('2026-11', 'nl')).toBe('nov 2026');
  });
});

describe('parseAmount', () => {
  it.each([
    ['12.5', 12.5],
    ['12,50', 12.5],
    ['1 234,56', 1234.56],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['€ 7', 7],
  ])('reads %s', (text, amount) => {
    expect(parseAmount(text)).toBe(amount);
  });
  it.each(['', 'abc', '12,5,3', '1e3'])('refuses %j', (text) => {
    expect(parseAmount(text)).toBeNull();
  });
});

describe('lastMonths', () => {
  it('lists the last months oldest first, across a year', () => {
    expect(lastMonths(3, new Date(2026, 0, 20))).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(lastMonths(12, new Date(2026, 10, 5))).toHaveLength(12);
  });
});
