/**
 * The one rule set for plural forms and for filling a message template, shared by the server's
 * `t` and the sidebar's `tr`.
 *
 * A template names a parameter as `{name}`, or with its noun as `{name#one|few|many}` in Russian
 * (1 сделка, 3 сделки, 5 сделок; 11-14 take "many") and `{name#one|other}` in English; the count
 * and the right form come out together: «Когорта: {n#сделка|сделки|сделок}» -> «Когорта: 83 сделки».
 * A fractional count takes the "few" form in Russian (1,5 дня) and "other" in English.
 */
import type { Lang } from '../types';

export type FormIndex = 0 | 1 | 2;

/** Index of the form for a count: Russian one/few/many, English one/other (0/1). */
export function pluralIndex(lang: Lang, n: number): FormIndex {
  const a = Math.abs(n);
  if (lang === 'en') return a === 1 ? 0 : 1;
  if (!Number.isInteger(a)) return 1;
  const d10 = a % 10;
  const d100 = a % 100;
  if (d10 === 1 && d100 !== 11) return 0;
  if (d10 >= 2 && d10 <= 4 && (d100 < 12 || d100 > 14)) return 1;
  return 2;
}

/** The noun form alone: plural('ru', 3, ['день', 'дня', 'дней']) = 'дня'. */
export function plural(lang: Lang, n: number, forms: readonly string[]): string {
  const i = pluralIndex(lang, n);
  return forms[Math.min(i, forms.length - 1)] ?? '';
}

const toNumber = (v: string | number): number =>
  typeof v === 'number'
    ? v
    : Number(
        String(v)
          .replace(/[\s\u00a0\u202f]/g, '')
          .replace(',', '.'),
      );

export function fill(
  lang: Lang,
  template: string,
  params: Readonly<Record<string, string | number>>,
): string {
  return template.replace(
    /\{(\w+)(?:#([^{}]*))?\}/g,
    (whole, name: string, forms: string | undefined, at: number) => {
      if (!(name in params)) return whole;
      const value = params[name];
      if (forms === undefined) return quoted(template, at) ? nested(String(value)) : String(value);
      const n = toNumber(value);
      const noun = Number.isFinite(n) ? plural(lang, n, forms.split('|')) : forms.split('|').pop();
      return `${String(value)} ${noun ?? ''}`;
    },
  );
}

/** True when the template has an open «…» at that position. */
function quoted(template: string, at: number): boolean {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (template[i] === '«') depth++;
    else if (template[i] === '»') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/**
 * Quotes inside «…» are „…“: «ООО „Ромашка“», never «ООО «Ромашка»». Only a value whose own
 * quotes pair up is changed: a list joined with '», «' means its guillemets as they are.
 */
export function nested(text: string): string {
  let depth = 0;
  for (const ch of text) {
    if (ch === '«') depth++;
    else if (ch === '»' && --depth < 0) return text;
  }
  return depth === 0 ? text.replace(/«/g, '„').replace(/»/g, '“') : text;
}
