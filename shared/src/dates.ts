/** The call centre's local calendar date (YYYY-MM-DD) of an instant, in its time zone (TZ). */
export function localDateOf(instant: Date, timeZone?: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
