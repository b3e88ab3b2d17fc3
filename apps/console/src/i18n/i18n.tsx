import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { de, type MessageKey } from './de';
import { en } from './en';

export type Language = 'de' | 'en';
const MESSAGES: Record<Language, Record<MessageKey, string>> = { de, en };
export const TIME_ZONE = 'Europe/Berlin';
const STORAGE_KEY = 'd115.language';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** Date and time in Europe/Berlin, whatever the browser's zone. */
  dateTime: (iso: string) => string;
  time: (iso: string | Date) => string;
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  duration: (minutes: number) => string;
}

const Context = createContext<I18n | undefined>(undefined);

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'de';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const locale = language === 'de' ? 'de-DE' : 'en-GB';
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
    const timeFormat = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const t: Translate = (key, values = {}) => MESSAGES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
    return {
      language,
      setLanguage,
      t,
      dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
      time: (iso) => timeFormat.format(typeof iso === 'string' ? new Date(iso) : iso),
      number: (value, options) => new Intl.NumberFormat(locale, options).format(value),
      duration: (minutes) => {
        const whole = Math.max(0, Math.round(minutes));
        return whole < 60 ? t('duration.minutes', { minutes: whole }) : t('duration.hoursMinutes', { hours: Math.floor(whole / 60), minutes: whole % 60 });
      },
    };
  }, [language, setLanguage]);

  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
