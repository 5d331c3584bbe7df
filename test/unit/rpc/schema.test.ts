/**
 * The RPC method table (src/shared/methods.ts) and the turning of its schemas' refusals into field
 * problems in the user's language (src/app/rpc/check.ts), without a workbook: every method has
 * roles and a schema, the enums match the core's, and a bad payload is named field by field.
 */
import { parseRequest } from '../../../src/app/rpc/check';
import { ACTIVITY_TYPES, ROLES, STAGE_KINDS } from '../../../src/core/workbook/enums';
import { isUserError, type UserError } from '../../../src/core/errors';
import { t } from '../../../src/core/i18n';
import type { Lang } from '../../../src/core/types';
import * as methods from '../../../src/shared/methods';

const { METHODS } = methods;

function refusal(method: methods.Method, payload: unknown, lang: Lang = 'ru'): UserError {
  try {
    parseRequest(method, payload, lang);
  } catch (e) {
    if (isUserError(e)) return e;
    throw e;
  }
  throw new Error(`${method} accepted ${JSON.stringify(payload)}`);
}

/** What the page shows: each field's message in `lang`, as the dispatcher renders it. */
const shown = (e: UserError, lang: Lang) =>
  e.fields.map((f) => ({ field: f.field, message: t(lang, f.key, f.params ?? {}) }));

describe('the method table', () => {
  it.each(Object.keys(METHODS))('gives "%s" roles and a request schema', (name) => {
    const spec: methods.MethodSpec = METHODS[name as methods.Method];
    expect(spec.roles.length).toBeGreaterThan(0);
    for (const role of spec.roles) expect(ROLES.values).toContain(role);
    expect(spec.request).toEqual(expect.objectContaining({ kind: 'schema' }));
    // An absent payload is read as {}: accepted, or refused as a person's mistake, never a crash.
    let thrown: unknown = null;
    try {
      parseRequest(name as methods.Method, undefined, 'en');
    } catch (e) {
      thrown = e;
    }
    expect(thrown === null || isUserError(thrown)).toBe(true);
  });

  it('is the allow-list: own keys only', () => {
    expect(methods.isMethod('addLead')).toBe(true);
    for (const m of ['toString', '__proto__', 'constructor', '', 42, null, ['addLead']]) {
      expect(methods.isMethod(m)).toBe(false);
    }
    expect(methods.allowed('team', 'manager')).toBe(false);
    expect(methods.allowed('team', 'director')).toBe(true);
  });

  it('lists every value the core knows for activity types, stage kinds and languages', () => {
    expect([...methods.ACTIVITY]).toEqual(ACTIVITY_TYPES.values);
    expect([...methods.STAGE_KINDS]).toEqual(STAGE_KINDS.values);
    expect([...methods.LANGS].sort()).toEqual(['en', 'ru']);
  });

  it('renames only record fields that the form names differently', () => {
    for (const spec of Object.values(METHODS) as methods.MethodSpec[]) {
      for (const [from, to] of Object.entries(spec.fields ?? {})) expect(from).not.toBe(to);
    }
  });
});

describe('parsing a request', () => {
  it('fills absent and null fields with their empty values and drops unknown keys', () => {
    expect(
      parseRequest('snooze', { dealId: ' D-000001 ', until: null, admin: true }, 'ru'),
    ).toEqual({ dealId: 'D-000001', updatedAt: null, until: '', reason: '' });
    expect(parseRequest('addLead', { lead: { clientName: 'ООО «Ромашка»' } }, 'ru')).toMatchObject({
      force: false,
      lead: { clientName: 'ООО «Ромашка»', activityType: '', summary: '' },
    });
  });

  it('reads a settings number that is not a finite number as NaN for the range check', () => {
    const form = parseRequest(
      'saveSettings',
      {
        lang: 'en',
        factBasis: 'won',
        reminderHour: '9',
        stages: [{ kind: 'open', probability: 5 }],
      },
      'en',
    );
    expect(form.reminderHour).toBeNaN();
    expect(form.stages).toEqual([{ name: '', kind: 'open', probability: 5, rottingDays: null }]);
  });
});

describe('a refused request', () => {
  const bad = {
    dealId: 'D-1; DROP',
    updatedAt: 7,
    type: 'hack',
    summary: 'x'.repeat(5001),
  };

  it('names each field with a message key, in Russian', () => {
    const e = refusal('logActivity', bad);
    expect(e.key).toBe('rpc.badField');
    expect(shown(e, 'ru')).toEqual([
      { field: 'dealId', message: 'Ожидается код записи, например D-000123.' },
      { field: 'updatedAt', message: 'Ожидается текст.' },
      { field: 'type', message: 'Допустимые значения: call, meeting, email, message.' },
      { field: 'summary', message: 'Не длиннее 5000 символов.' },
    ]);
    expect(t('ru', e.key, e.params)).toBe(
      'Неверный запрос (поле «dealId»). Ожидается код записи, например D-000123.',
    );
  });

  it('and in English', () => {
    const e = refusal('logActivity', bad);
    expect(shown(e, 'en')).toEqual([
      { field: 'dealId', message: 'Must be a record id such as D-000123.' },
      { field: 'updatedAt', message: 'Must be text.' },
      { field: 'type', message: 'Must be one of: call, meeting, email, message.' },
      { field: 'summary', message: 'At most 5000 characters.' },
    ]);
    const en = refusal('logActivity', bad, 'en');
    expect(t('en', en.key, en.params)).toBe(
      'Bad request (field "dealId"). Must be a record id such as D-000123.',
    );
  });

  it('names nested fields by their path, and missing required ones', () => {
    const e = refusal('saveSettings', {
      factBasis: 'won',
      reportRecipients: ['a@b.ru', 5],
      stages: [{ kind: 'open' }, []],
      holidays: 'none',
      bonus: Array.from({ length: 51 }, () => ({ kind: 'flat' })),
    });
    expect(shown(e, 'en')).toEqual([
      { field: 'lang', message: 'Required.' },
      { field: 'reportRecipients.1', message: 'Must be text.' },
      { field: 'stages.1', message: 'Must be an object.' },
      { field: 'bonus', message: 'At most 50 items.' },
      { field: 'holidays', message: 'Must be a list.' },
    ]);
  });

  it('that is not an object at all, with no field to name', () => {
    for (const payload of ['text', 42, [], true]) {
      const e = refusal('today', payload);
      expect(e.key).toBe('rpc.badPayload');
      expect(t('ru', e.key, e.params)).toBe('Неверный запрос. Ожидается объект.');
      expect(t('en', 'rpc.badPayload', { problem: t('en', e.fields[0].key) })).toBe(
        'Bad request. Must be an object.',
      );
    }
  });

  it('with a boolean that is not one', () => {
    expect(shown(refusal('setReminders', { on: 'yes' }), 'ru')).toEqual([
      { field: 'on', message: 'Ожидается «да» или «нет».' },
    ]);
  });
});
