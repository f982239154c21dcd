import type { ReportLine } from './types';

/** The label of a report line, whichever breakdown it comes from. */
export function lineLabel(line: ReportLine): string {
  const candidates = [line.period, line.label, line.key, line.categoryName, line.userName, line.name];
  const found = candidates.find((c) => typeof c === 'string' && c.length > 0);
  return (found as string | undefined) ?? '—';
}

export function lineValue(
  line: ReportLine,
  key: 'receivables' | 'debts' | 'collected' | 'outstanding' | 'count',
): number {
  const value = line[key];
  return typeof value === 'number' ? value : Number(value ?? 0) || 0;
}

export function exportUrl(id: string, format: 'csv' | 'pdf'): string {
  return `/api/reports/${encodeURIComponent(id)}/export?format=${format}`;
}
