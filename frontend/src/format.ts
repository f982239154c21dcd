/** Amounts and dates per locale; the currency is one per deployment (DESIGN §1). */

export const CURRENCY = 'EUR';

/** The Intl locale for a UI language: French and Dutch the Belgian way (DESIGN §14). */
export function intlLocale(language: string): string {
  if (language.startsWith('fr')) return 'fr-BE';
  if (language.startsWith('nl')) return 'nl-BE';
  return 'en-GB';
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: number | null | undefined, language: string): string {
  const locale = intlLocale(language);
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: CURRENCY });
    moneyFormats.set(locale, format);
  }
  return format.format(amount ?? 0);
}

/** A calendar date `YYYY-MM-DD`, shown as that day wherever the browser is. */
export function formatDate(date: string | null | undefined, language: string): string {
  if (!date) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(utc);
}

/** An instant (ISO-8601), shown in the browser's time zone. */
export function formatDateTime(instant: string | null | undefined, language: string): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** `YYYY-MM` as "Jan 2026" / "janv. 2026". */
export function formatMonth(month: string, language: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(language), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, m - 1, 1)),
  );
}

/**
 * What the user typed as an amount ("12.5", "12,50", "1 234,56"), or null when it is not a number.
 * The API validates the rest (positive, at most 2 decimals).
 */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (!cleaned) return null;
  let normalised: string;
  if (cleaned.includes(',') && cleaned.includes('.')) {
    // The last separator is the decimal one: "1.234,56" or "1,234.56".
    normalised =
      cleaned.lastIndexOf(',') > cleaned.lastIndexOf('.')
        ? cleaned.replace(/\./g, '').replace(',', '.')
        : cleaned.replace(/,/g, '');
  } else {
    normalised = cleaned.replace(',', '.');
  }
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  return Number(normalised);
}

/** Today as `YYYY-MM-DD` in the browser's time zone. */
export function today(now: Date = new Date()): string {
  return isoDate(now);
}

export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last `count` months as `YYYY-MM`, oldest first, ending with the month of `now`. */
export function lastMonths(count: number, now: Date = new Date()): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    months.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }
  return months;
}
