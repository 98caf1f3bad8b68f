/** Dates are YYYY-MM-DD strings throughout: they compare as strings, and no time zone can shift them. */
export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function inWindow(date: string, window: { from?: string; until?: string } | undefined): boolean {
  if (!window) return true;
  return (window.from === undefined || window.from <= date) && (window.until === undefined || date <= window.until);
}
