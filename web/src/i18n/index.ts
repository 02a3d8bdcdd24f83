/**
 * Translations of every user-visible string, and the UI language: persisted in localStorage, defaulting to
 * the browser's language. The API is called with the same language so skill labels match the UI.
 */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

// Compile-time check that both catalogues have the same keys: a missing translation is a type error.
const enChecked: typeof fr = en;
const frChecked: typeof en = fr;

const STORAGE_KEY = 'vivier.lang';

const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null; // storage disabled (privacy mode): fall back to the browser language
  }
}

export function browserLang(): Lang {
  const preferred = navigator.languages?.[0] ?? navigator.language ?? 'en';
  return preferred.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: enChecked }, fr: { translation: frChecked } },
  lng: storedLang() ?? browserLang(),
  fallbackLng: 'en',
  supportedLngs: LANGS,
  interpolation: { escapeValue: false }, // React escapes
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; the switch still applies to this page
  }
  void i18n.changeLanguage(lang);
}

/** The current UI language, re-rendering on change. */
export function useLang(): Lang {
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage ?? instance.language;
  return isLang(lng) ? lng : 'en';
}

/** Translates a code from the API (industry, status, …), falling back to the code itself when unknown. */
export function useCodeLabel(): (group: string, code: string) => string {
  const { t } = useTranslation();
  return (group, code) => t(`${group}.${code}`, { defaultValue: code });
}

/** Locale-aware number formatting for the current language. */
export function useFormat() {
  const lang = useLang();
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const fixed = (digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return {
    locale,
    /** A score in [0, 1] as points out of 100, one decimal. */
    points: (v: number) => fixed(1).format(v * 100),
    /** A number with exactly `digits` decimals (a score already out of 100, points of a factor…). */
    fixed: (v: number, digits = 1) => fixed(digits).format(v),
    /** Points with their sign: +14.0. */
    signed: (v: number, digits = 1) =>
      new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        signDisplay: 'exceptZero',
      }).format(v),
    /** A plain number, at most `digits` decimals. */
    number: (v: number, digits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v),
    percent: (v: number, digits = 0) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(v),
    /** A growth rate (1 = +100 %), signed. */
    growth: (v: number) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 0,
        signDisplay: 'exceptZero',
      }).format(v),
    money: (v: number) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
        v,
      ),
    date: (iso: string) => {
      const d = new Date(`${iso}T00:00:00Z`);
      return Number.isNaN(d.getTime())
        ? iso
        : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
    },
    /** A period key of the trends: 2024, 2024-Q3 (→ Q3 2024 / T3 2024) or 2024-07 (→ Jul 2024). */
    period: (key: string) => {
      const q = /^(\d{4})-Q([1-4])$/.exec(key);
      if (q) return `${lang === 'fr' ? 'T' : 'Q'}${q[2]} ${q[1]}`;
      const m = /^(\d{4})-(\d{2})$/.exec(key);
      if (m) {
        const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
        return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
          d,
        );
      }
      return key;
    },
  };
}

export type Format = ReturnType<typeof useFormat>;

export default i18n;
