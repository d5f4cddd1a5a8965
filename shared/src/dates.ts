const formats = new Map<string, Intl.DateTimeFormat>();

/** The call centre's local calendar date (YYYY-MM-DD) of an instant, in its time zone (TZ). */
export function localDateOf(instant: Date, timeZone?: string): string {
  // Building a formatter costs far more than using one: keep one per zone (ingest calls this per call).
  const key = timeZone ?? '';
  let format = formats.get(key);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(key, format);
  }
  return format.format(instant);
}
