/** The distinct calendar months (`YYYY-MM`) of some `YYYY-MM-DD` days, sorted. */
export function monthsOf(days: Iterable<string>): string[] {
  return [...new Set([...days].map(day => day.slice(0, 7)))].sort();
}

/** The first day after a `YYYY-MM` month, `YYYY-MM-DD`: the exclusive end of the month. */
export function nextMonthStart(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const next = new Date(Date.UTC(year, monthNumber, 1));
  return next.toISOString().slice(0, 10);
}
