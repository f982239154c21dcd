import { en } from './en';
import { fr } from './fr';

type Tree = { [key: string]: string | Tree };

/** Keys without plural suffixes, e.g. members.count for members.count_one. */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : keys(v, `${prefix}${k}.`),
  );
}

describe('translations', () => {
  it('French has every English text and no extra one', () => {
    expect(new Set(keys(fr))).toEqual(new Set(keys(en as Tree)));
  });
});
