/**
 * The agency's week of mass messages (`mass_messages_week.csv`). The export names staff
 * senders, not creators: the messages are returned apart, in no creator's history.
 *
 * Source: `../shared/real-data/README.md` (`mass_messages_week.csv`: sending time in US Eastern
 * wall clock, price `-` = free); seed 001 phase 1 "load" (the history the planner reads).
 *
 * @internal
 * @module
 */
import type { CsvTable } from './csv';
import { readNumber, readSendingTime } from './fields';
import type { AgencyMessage, RowIssue } from './types';

const FILE = 'mass_messages_week.csv';

/** The messages read (sorted by `sentAt`) and the row issues of the file. */
export interface ReadMessages {
  readonly messages: ReadonlyArray<AgencyMessage>;
  readonly issues: ReadonlyArray<RowIssue>;
}

/**
 * Reads the messages of `table`, the wall-clock sending times read in `zone`. A row whose
 * sending time is blank or unreadable is skipped; an unreadable or negative count or amount is
 * 0 (a row issue each); an unreadable price makes the send free.
 */
export const readMessages = (table: CsvTable, zone: string): ReadMessages => {
  const issues: RowIssue[] = [];
  const messages: AgencyMessage[] = [];
  for (const { line, fields } of table.rows) {
    const bad = (column: string, message: string): void => {
      issues.push({ file: FILE, line, column, message, value: fields[column] ?? null });
    };
    const when = readSendingTime(fields.sending_time, zone);
    if (when.kind !== 'ok') {
      bad(
        'sending_time',
        when.kind === 'blank'
          ? 'blank sending time: row skipped'
          : 'not a time like "Sep 14, 2025 at 12:13 AM": row skipped',
      );
      continue;
    }
    const amount = (column: string, whole: boolean): number => {
      const r = readNumber(fields[column]);
      if (r.kind === 'ok' && r.value >= 0) return whole ? Math.round(r.value) : r.value;
      if (r.kind !== 'blank')
        bad(column, r.kind === 'bad' ? 'not a number: read as 0' : 'negative: read as 0');
      return 0;
    };
    const priceText = (fields.price ?? '').trim();
    let price: number | null = null;
    if (priceText !== '' && priceText !== '-') {
      const p = readNumber(priceText);
      if (p.kind === 'ok' && p.value > 0) price = p.value;
      else if (p.kind !== 'ok' || p.value < 0) bad('price', 'not a price: read as free');
    }
    const sender = (fields.sender ?? '').trim();
    const captionText = (fields.caption_text ?? '').trim();
    messages.push({
      sentAt: when.value,
      sender: sender === '' ? null : sender,
      status: (fields.status ?? '').trim(),
      sendTypeKey: price !== null ? 'ppv_unlock' : 'bump_normal',
      price,
      sent: amount('sent', true),
      viewed: amount('viewed', true),
      purchased: amount('purchased', true),
      earnings: amount('earnings', false),
      captionText: captionText === '' ? null : captionText,
    });
  }
  // Stable: rows with the same instant keep their file order.
  const sorted = [...messages].sort((a, b) =>
    a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0,
  );
  return { messages: sorted, issues };
};
