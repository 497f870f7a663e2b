import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'shiftwell.language';

/** The person's choice if they made one, else the browser's language: Chinese or English. */
export function initialLanguage(
  stored: string | null = localStorage.getItem(STORAGE_KEY),
  browser: readonly string[] = navigator.languages ?? [navigator.language],
): Language {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  for (const l of browser) {
    const lower = l.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (l) => document.documentElement.setAttribute('lang', l));
document.documentElement.setAttribute('lang', i18n.language);

export default i18n;
