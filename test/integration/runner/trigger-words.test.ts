/**
 * The playground's trigger list speaks the workbook's language (the issue saw «onFormSubmit — on
 * form submit» in the Russian page): the schedule and the event read in Russian or English.
 * Through the built bundle: Setup installs the form trigger, the menu the daily one.
 */
import path from 'node:path';
import { createSession, listTriggers } from '../../../local/playground/bridge';
import { LANG_KEY } from '../../../src/gas/settings-lang';

const DIST = path.resolve(__dirname, '../../../dist');
const NOW = Date.parse('2026-11-27T09:00:00+03:00');

function triggers(lang: 'ru' | 'en'): string[] {
  const s = createSession(DIST, NOW);
  s.emulator.properties.document.set(LANG_KEY, lang);
  const head = 'head@example.com';
  s.project.run('menuSetupWorkbook', [], { user: head });
  s.project.run('menuRemindersOn', [], { user: head });
  return listTriggers(s).map((t) => `${t.handler}: ${t.description}`);
}

test('Russian', () => {
  const list = triggers('ru');
  expect(
    list.some((t) =>
      /^runScheduledJob: ежедневно в \d+:\d\d, следующий запуск \d\d\.\d\d\.2026/.test(t),
    ),
  ).toBe(true);
  for (const t of list) expect(t.split(': ').slice(1).join(': ')).not.toMatch(/[A-Za-z]/);
});

test('English', () => {
  expect(triggers('en').some((t) => /^runScheduledJob: daily at \d+:\d\d, next /.test(t))).toBe(
    true,
  );
});
