/**
 * A user who unticks a scope on Google's granular consent screen: each feature checks what was
 * granted first and names, in the user's language, the permission it needs, instead of failing
 * with a raw authorization error; what needs nothing more keeps working.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rows, setUpProject, freshProject, lastToast } from './crm/helpers';

const MANIFEST = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../dist/appsscript.json'), 'utf8'),
) as { oauthScopes: string[] };
const MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const TRIGGERS = 'https://www.googleapis.com/auth/script.scriptapp';
const without = (scope: string) => MANIFEST.oauthScopes.filter((s) => s !== scope);

describe('granular consent', () => {
  it('reminders need mail: turning them on says so and installs nothing', () => {
    const p = setUpProject();
    p.emulator.grantScopes('head@firm.ru', without(MAIL));
    expect(() => p.run('menuRemindersOn')).toThrow(
      'Для ежедневных напоминаний нужно разрешение «Отправка писем от вашего имени»',
    );
    expect(p.emulator.triggers.list().filter((t) => t.handler === 'runScheduledJob')).toEqual([]);
    expect(() => p.run('menuRunRemindersNow')).toThrow(
      'Чтобы отправить письма, нужно разрешение «Отправка писем от вашего имени»',
    );
    expect(p.emulator.outbox).toEqual([]);
  });

  it('the sidebar’s reminders switch gets the same kind of message, naming the trigger permission', () => {
    const p = setUpProject();
    p.emulator.grantScopes('head@firm.ru', without(TRIGGERS));
    const r = p.rpc('rpc', ['setReminders', { on: true }]) as {
      ok: boolean;
      error?: { message: string };
    };
    expect(r.ok).toBe(false);
    expect(r.error?.message).toContain(
      'Для ежедневных напоминаний нужно разрешение «Работа, когда вас нет рядом» (триггеры)',
    );
  });

  it('setup without the trigger permission sets the workbook up and says the form intake is off', () => {
    const p = freshProject();
    p.emulator.grantScopes('head@firm.ru', without(TRIGGERS));
    p.run('menuSetupWorkbook');
    expect(lastToast(p)).toContain('Приём заявок из Google Формы не включён');
    expect(lastToast(p)).toContain('«Работа, когда вас нет рядом» (триггеры)');
    expect(p.emulator.triggers.list()).toEqual([]);
    expect(rows(p, 'Сделки')).toEqual([]);
    // Granted later: the next setup turns the intake on.
    p.emulator.grantScopes('head@firm.ru', null);
    p.run('menuSetupWorkbook');
    expect(p.emulator.triggers.list().map((t) => t.eventType)).toEqual(['ON_FORM_SUBMIT']);
  });
});
