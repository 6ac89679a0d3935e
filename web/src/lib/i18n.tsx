/**
 * Danish and English UI. Each feature keeps its own typed messages (`defineMessages({ en, da })`) and reads
 * them with `useMessages`; the locale comes from the browser, can be switched, and is remembered (it is
 * not secret). Dates and times are always shown in Europe/Copenhagen, Firmafon's home time zone.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const TIME_ZONE = 'Europe/Copenhagen';
const STORAGE_KEY = 'firmafon-dashboard.locale';

/** BCP 47 tags used for Intl formatting. */
export const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The stored choice, else the first browser language we speak, else English. */
export function detectLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be unavailable (privacy mode); fall through to the browser's languages.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'da' || base === 'nb' || base === 'no') return 'da';
    if (base === 'en') return 'en';
  }
  return 'en';
}

interface LocaleContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

export function LocaleProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? detectLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; still switched for this page.
    }
  }, []);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}

/** Messages for one feature, the same keys in both languages (the type checker enforces it). */
export function defineMessages<T extends Record<string, unknown>>(messages: { en: T; da: NoInfer<T> }) {
  return messages;
}

export function useMessages<T>(messages: { en: T; da: T }): T {
  return messages[useLocale().locale];
}
