/** The words a stale row shows, shared by the view and the CLI's text output. */
import { daysBetween, type IsoDate } from '../dates/iso-date';
import { daysAgo, spanOfDays } from '../text/relative-time';
import type { StaleEntry } from './stale-list';

export function lastContactText(e: StaleEntry, today: IsoDate): string {
  if (!e.lastContact) return 'never contacted';
  const via = e.lastContact.source === 'field' ? '' : ` · via ${e.lastContact.source}`;
  return `last contact ${daysAgo(daysBetween(e.lastContact.date, today))}${via}`;
}

export function overdueText(e: StaleEntry): string {
  return `${spanOfDays(e.daysOverdue)} overdue`;
}
