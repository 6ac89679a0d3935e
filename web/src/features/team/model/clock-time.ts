/** `14:05`: a moment as a time of day in Copenhagen, Firmafon's home (whatever the browser's time zone). */
export function clockTime(ms: number, intlLocale: string): string {
  return new Date(ms).toLocaleTimeString(intlLocale, { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' });
}
