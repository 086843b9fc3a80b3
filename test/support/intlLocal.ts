/**
 * The test oracle for local wall time: the local date and clock time of an instant in a zone,
 * read with `Intl` (the engine's own zone data), independent of `src/`'s time code.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/** `Intl`'s formatter of local date and time in `timeZone`, with or without seconds, once. */
const formatOf = (timeZone: string, seconds: boolean): Intl.DateTimeFormat => {
  const key = `${timeZone}|${seconds}`;
  const known = formats.get(key);
  if (known !== undefined) return known;
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  });
  formats.set(key, fmt);
  return fmt;
};

/**
 * The local date `YYYY-MM-DD` and time `HH:MM` (`HH:MM:SS` with `seconds`) of an instant (an ISO
 * string or epoch milliseconds) in `timeZone`.
 */
export const intlLocal = (
  instant: string | number,
  timeZone: string,
  { seconds = false }: { readonly seconds?: boolean } = {},
): { readonly date: string; readonly time: string } => {
  const p = Object.fromEntries(
    formatOf(timeZone, seconds)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`,
  };
};
