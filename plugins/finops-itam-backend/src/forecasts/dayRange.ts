/** `count` consecutive `YYYY-MM-DD` days from `first`, in UTC, with one Date for them all. */
export function dayRange(first: string, count: number): string[] {
  const date = new Date(`${first}T00:00:00Z`);
  const days = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    days[i] = date.toISOString().slice(0, 10);
    date.setUTCDate(date.getUTCDate() + 1);
  }
  return days;
}
