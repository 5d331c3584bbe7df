/**
 * The sidebar page is a product limit, not a timing: Google loads dist/Sidebar.html on every open
 * of the panel, and five features share it. The build keeps only the catalogue keys the page's
 * code names (scripts/build.mjs); this test checks, with its own reading of the sources, that no
 * key the page names was dropped and that the server's texts stayed out. Run `npm run build`
 * first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as common from '../../src/core/i18n/common';
import * as crm from '../../src/core/i18n/crm';
import * as sidebar from '../../src/core/i18n/sidebar';

/** Bytes, as `ls -l` counts them: the page must stay under 120 KB. */
const LIMIT = 120_000;

const root = path.join(__dirname, '../..');
const page = readFileSync(path.join(root, 'dist/Sidebar.html'), 'utf8');
const catalogue = { ...common.ru, ...crm.ru, ...sidebar.ru };
const sources = readdirSync(path.join(root, 'sidebar'))
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => readFileSync(path.join(root, 'sidebar', f), 'utf8'))
  .join('\n');

describe('dist/Sidebar.html size', () => {
  it(`stays under ${LIMIT} bytes`, () => {
    expect(Buffer.byteLength(page, 'utf8')).toBeLessThan(LIMIT);
  });

  it('keeps every catalogue key the sidebar names, in both languages', () => {
    const named = Object.keys(catalogue).filter(
      (k) => sources.includes(`'${k}'`) || sources.includes(`"${k}"`),
    );
    expect(named.length).toBeGreaterThan(100);
    const en: Record<string, string> = { ...common.en, ...crm.en, ...sidebar.en };
    for (const key of named) {
      // The minifier picks the quotes of each text, so the text is looked for as it reads.
      expect(page).toContain(`"${key}"`);
      expect(page).toContain(catalogue[key as keyof typeof catalogue]);
      expect(page).toContain(en[key]);
    }
  });

  it('keeps the label of every screen a feature registers (one-word keys too)', () => {
    const labels = [...sources.matchAll(/\blabel: '([\w.-]+)'/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(3);
    for (const key of labels) expect(page).toContain(`"${key}"`);
  });

  it('keeps the keys the sidebar builds from a fixed start', () => {
    const aging = Object.keys(sidebar.ru).filter((k) => k.startsWith('sb.team.aging.'));
    expect(aging.length).toBeGreaterThan(3);
    for (const key of aging) expect(page).toContain(`"${key}"`);
  });

  it('leaves out texts only the server says', () => {
    for (const key of ['crm.import.done', 'crm.setup.created', 'rpc.badPayload']) {
      expect(catalogue).toHaveProperty([key]);
      expect(page).not.toContain(`"${key}"`);
    }
  });

  it('inlines its stylesheet minified', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    expect(css.length).toBeGreaterThan(1000);
    expect(css).not.toMatch(/\/\*|\n\s+/);
  });
});
