import { initialLanguage, LANGUAGE_KEY } from './i18n';

function browserSpeaks(...languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

describe('the language of a first visit', () => {
  it.each([
    [['fr-BE', 'en'], 'fr'],
    [['nl-BE', 'fr-BE'], 'nl'],
    [['de-DE', 'nl', 'en'], 'nl'],
    [['en-US'], 'en'],
    [['NL-be'], 'nl'],
    [['de-DE', 'es'], 'en'],
    [[], 'en'],
  ])('follows a browser set to %j: %s', (languages, expected) => {
    browserSpeaks(...languages);
    expect(initialLanguage()).toBe(expected);
  });

  it('gives way to the language chosen before in this browser', () => {
    browserSpeaks('fr-BE');
    localStorage.setItem(LANGUAGE_KEY, 'nl');
    expect(initialLanguage()).toBe('nl');
  });

  it('ignores a stored value it does not speak', () => {
    browserSpeaks('nl-BE');
    localStorage.setItem(LANGUAGE_KEY, 'de');
    expect(initialLanguage()).toBe('nl');
  });
});
