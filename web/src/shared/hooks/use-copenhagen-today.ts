/**
 * Today's date in Copenhagen, for a page left on across midnight. One timer, re-armed after each check (just after
 * midnight or within a minute, model/copenhagen-day.ts); the component re-renders only when the date changes.
 */
import { useEffect, useState } from 'react';
import { dateKeyAt, type DateKey } from '@common/copenhagen-time.ts';
import { nextDayCheckDelay } from '../model/copenhagen-day.ts';

export function useCopenhagenToday(): DateKey {
  const [today, setToday] = useState(() => dateKeyAt(Date.now()));
  useEffect(() => {
    let timer: number;
    const check = () => {
      const now = Date.now();
      setToday(dateKeyAt(now));
      timer = window.setTimeout(check, nextDayCheckDelay(now));
    };
    timer = window.setTimeout(check, nextDayCheckDelay(Date.now()));
    return () => window.clearTimeout(timer);
  }, []);
  return today;
}
