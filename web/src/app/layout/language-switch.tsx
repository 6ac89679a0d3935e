/** Dansk / English: two toggle buttons; the choice is remembered (lib/i18n.tsx). */
import { useLocale, useMessages, type Locale } from '@/lib/i18n.tsx';
import { appMessages } from '../messages.ts';

const OPTIONS: { locale: Locale; label: string }[] = [
  { locale: 'da', label: 'Dansk' },
  { locale: 'en', label: 'English' },
];

export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useMessages(appMessages);
  return (
    <div className="lang-switch" role="group" aria-label={t.language}>
      {OPTIONS.map((option) => (
        <button
          key={option.locale}
          type="button"
          lang={option.locale}
          aria-pressed={locale === option.locale}
          onClick={() => setLocale(option.locale)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
