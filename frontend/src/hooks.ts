import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatMoney, formatMonth } from './format';

/** Formatters for the current UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      money: (amount: number | null | undefined) => formatMoney(amount, language),
      date: (date: string | null | undefined) => formatDate(date, language),
      dateTime: (instant: string | null | undefined) => formatDateTime(instant, language),
      month: (month: string) => formatMonth(month, language),
    }),
    [language],
  );
}

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Finance Tracker` : 'Finance Tracker';
  }, [title]);
}
