import i18n, { LANGUAGES } from '../i18n';
import { en } from './en';

type Tree = { [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every text of a language by its full key, e.g. `members.count_one`. */
function texts(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : texts(v, `${prefix}${k}.`),
  );
}

/** The key without its plural suffix, e.g. members.count for members.count_one. */
const base = (key: string) => key.replace(PLURAL, '');

/** The `{{variables}}` a text fills in, e.g. ['count', 'name']. */
function variables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^\s},]+)[^}]*\}\}/g)].map((m) => m[1]))].sort();
}

const english = new Map(texts(en));
const translations = LANGUAGES.filter((l) => l.code !== 'en').map(
  (l) => [l.label, texts(i18n.getResourceBundle(l.code, 'translation') as Tree)] as const,
);

describe.each(translations)('%s', (_, translated) => {
  it('has every English text and no extra one', () => {
    expect(new Set(translated.map(([key]) => base(key)))).toEqual(new Set([...english.keys()].map(base)));
  });

  it('fills in the same {{variables}} as the English text', () => {
    // A plural form English does not have (French "many") is compared with the English "other".
    const differing = translated.filter(([key, text]) => {
      const original = english.get(key) ?? english.get(`${base(key)}_other`) ?? '';
      return variables(text).join() !== variables(original).join();
    });
    expect(differing).toEqual([]);
  });
});

describe.each(LANGUAGES.map((l) => [l.label, l.code]))('%s plurals', (_, code) => {
  it('has every plural form the language needs', () => {
    const keys = texts(i18n.getResourceBundle(code, 'translation') as Tree).map(([key]) => key);
    const needed = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    const missing = [...new Set(keys.filter((key) => PLURAL.test(key)).map(base))].flatMap((plural) =>
      needed.filter((form) => !keys.includes(`${plural}_${form}`)).map((form) => `${plural}_${form}`),
    );
    expect(missing).toEqual([]);
  });
});
