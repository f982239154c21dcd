import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { fr } from './locales/fr';
import { nl } from './locales/nl';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
  { code: 'nl', label: 'Nederlands' },
] as const;

export const LANGUAGE_KEY = 'finance-tracker.language';

function storedLanguage(): string {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    return LANGUAGES.some((l) => l.code === stored) ? stored! : 'en';
  } catch {
    return 'en';
  }
}

/** Switches the UI language and remembers it in this browser. */
export function setLanguage(code: string): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, code);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  void i18n.changeLanguage(code);
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr }, nl: { translation: nl } },
  lng: storedLanguage(),
  fallbackLng: 'en',
  // React escapes text itself; member data is only ever rendered as text.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18n;
