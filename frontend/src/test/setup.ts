import '@testing-library/jest-dom/vitest';
import i18n from '../i18n';
import { resetEntity } from '../entity';
import { resetSession, session } from '../session';

beforeEach(async () => {
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  // Every test starts as a freshly loaded page; jsdom cannot navigate, so tests look at where it would have gone.
  resetSession();
  resetEntity();
  vi.spyOn(session, 'assign').mockImplementation(() => undefined);
  await i18n.changeLanguage('en');
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
