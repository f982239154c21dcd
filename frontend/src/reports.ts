import { useTranslation } from 'react-i18next';
import { query } from './api';
import { formatDate, formatMonth, intlLocale } from './format';
import type { CategoryLine, Granularity, MemberLine, PeriodLine } from './model';

/** The Monday of the week of a `YYYY-MM-DD` date (a report's first week may start on another day). */
function monday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().substring(0, 10);
}

function utc(date: string, options: Intl.DateTimeFormatOptions, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { ...options, timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/**
 * How a report's lines are named, as the PDF names them (report-service's Labels): a period reads "14 nov. 2026",
 * "semaine du 16 nov. 2026" or "novembre 2026" (on a chart's axis "16 nov." or "nov. 2026"); a line without a
 * category or member says so in words.
 */
export function useLineLabels(granularity: Granularity) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return {
    period: (line: PeriodLine) => {
      if (granularity === 'MONTH') return utc(line.from, { month: 'long', year: 'numeric' }, language);
      if (granularity === 'WEEK') return t('reports.weekOf', { date: formatDate(monday(line.from), language) });
      return formatDate(line.from, language);
    },
    periodTick: (line: PeriodLine) =>
      granularity === 'MONTH'
        ? formatMonth(line.from.substring(0, 7), language)
        : utc(granularity === 'WEEK' ? monday(line.from) : line.from, { day: 'numeric', month: 'short' }, language),
    category: (line: CategoryLine) =>
      line.categoryId === null ? t('reports.noCategory') : (line.categoryName ?? t('reports.unknownCategory')),
    member: (line: MemberLine) => line.userName || t('transactions.unknownMember'),
  };
}

/** A report's PDF or CSV, written in the console's language (a link cannot send `Accept-Language`). */
export function exportUrl(id: string, format: 'csv' | 'pdf', language: string): string {
  return `/api/reports/${encodeURIComponent(id)}/export` + query({ format, lang: language });
}
