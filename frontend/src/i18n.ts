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

export type UiLanguage = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_KEY = 'finance-tracker.language';

export function isLanguage(code: unknown): code is UiLanguage {
  return LANGUAGES.some((l) => l.code === code);
}

/** The first of the browser's languages the console speaks, by its primary subtag (`nl-BE` → nl); else English. */
function browserLanguage(): UiLanguage {
  for (const tag of navigator.languages) {
    const primary = tag.split('-')[0].toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The language chosen in this browser; on a first visit, the browser's (DESIGN §14). */
export function initialLanguage(): UiLanguage {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    /* private mode: nothing stored */
  }
  return browserLanguage();
}

/** Switches the UI language and remembers it in this browser. */
export function setLanguage(code: UiLanguage): void {
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
  lng: initialLanguage(),
  fallbackLng: 'en',
  // React escapes text itself; member data is only ever rendered as text.
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18n;
