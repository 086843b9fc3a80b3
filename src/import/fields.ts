/**
 * Reading one field of an export row: numbers (`$1,234.50`), the agency's wall-clock times
 * (`Sep 14, 2025 at 12:13 AM`, `2025-07-29 21:16`, `07/19/2025`) as UTC instants. A blank field
 * is `blank`; a field that does not read is `bad` (the caller reports a row issue).
 *
 * @internal
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { isExists } from 'date-fns';

/** A field read: a value, a blank field, or an unreadable one. */
export type Read<A> =
  | { readonly kind: 'ok'; readonly value: A }
  | { readonly kind: 'blank' }
  | { readonly kind: 'bad' };

const ok = <A>(value: A): Read<A> => ({ kind: 'ok', value });
const BLANK = { kind: 'blank' } as const;
const BAD = { kind: 'bad' } as const;

/** A number: `$` and thousands separators dropped; blank when empty. */
export const readNumber = (s: string | undefined): Read<number> => {
  const text = (s ?? '').trim();
  if (text === '') return BLANK;
  const cleaned = text.replace(/^\$/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cleaned)) return BAD;
  const n = Number(cleaned);
  return Number.isFinite(n) ? ok(n) : BAD;
};

const MONTHS: Readonly<Record<string, number>> = Object.freeze({
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
});

/** The UTC ISO instant of a wall-clock time in `zone`; `null` when the date is not real. */
const wallToIso = (
  zone: string,
  y: number,
  month0: number,
  d: number,
  h: number,
  min: number,
): string | null => {
  if (!isExists(y, month0, d) || h > 23 || min > 59) return null;
  const ms = new TZDate(y, month0, d, h, min, zone).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

const SENDING_TIME_RE = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2}) ([AP]M)$/;

/** `Sep 14, 2025 at 12:13 AM` read in `zone` as a UTC ISO instant. */
export const readSendingTime = (s: string | undefined, zone: string): Read<string> => {
  const text = (s ?? '').trim();
  if (text === '') return BLANK;
  const m = SENDING_TIME_RE.exec(text);
  const month = m ? MONTHS[m[1] as string] : undefined;
  if (m === null || month === undefined) return BAD;
  const h12 = Number(m[4]);
  if (h12 < 1 || h12 > 12) return BAD;
  const iso = wallToIso(
    zone,
    Number(m[3]),
    month,
    Number(m[2]),
    (h12 % 12) + (m[6] === 'PM' ? 12 : 0),
    Number(m[5]),
  );
  return iso === null ? BAD : ok(iso);
};

const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/;
const US_DATE_RE = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** `2025-07-29 21:16`, `2025-07-29` or `07/19/2025` (midnight) read in `zone`. */
export const readLastUsed = (s: string | undefined, zone: string): Read<string> => {
  const text = (s ?? '').trim();
  if (text === '') return BLANK;
  const a = DATE_TIME_RE.exec(text);
  const b = a === null ? US_DATE_RE.exec(text) : null;
  const iso =
    a !== null
      ? wallToIso(
          zone,
          Number(a[1]),
          Number(a[2]) - 1,
          Number(a[3]),
          Number(a[4] ?? 0),
          Number(a[5] ?? 0),
        )
      : b !== null
        ? wallToIso(zone, Number(b[3]), Number(b[1]) - 1, Number(b[2]), 0, 0)
        : null;
  return iso === null ? BAD : ok(iso);
};
