import { query } from './api';
import type { ReportLine } from './model';

/** The label of a report line, whichever breakdown it comes from (a line without a category has none: "—"). */
export function lineLabel(line: ReportLine): string {
  const label = 'period' in line ? line.period : 'userName' in line ? line.userName : line.categoryName;
  return label || '—';
}

/** A report's PDF or CSV, written in the console's language (a link cannot send `Accept-Language`). */
export function exportUrl(id: string, format: 'csv' | 'pdf', language: string): string {
  return `/api/reports/${encodeURIComponent(id)}/export` + query({ format, lang: language });
}
