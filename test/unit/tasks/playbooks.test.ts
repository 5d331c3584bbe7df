import {
  compliance,
  decideMove,
  missingToLeave,
  type Playbook,
} from '../../../src/core/playbooks/rules';
import type { Deal } from '../../../src/core/types';
import { deal as fixtureDeal } from '../analytics/fixtures';

const deal = (over: Partial<Deal> = {}): Deal =>
  fixtureDeal({
    row: 2,
    id: 'D-000001',
    clientId: 'C-000001',
    clientName: 'ООО «Ромашка»',
    title: 'Стеллажи',
    manager: 'ivan@x.ru',
    ...over,
  });

const qualification: Playbook = {
  stage: 'Квалификация',
  todo: 'Выяснить потребность, бюджет и ЛПР',
  checklist: ['Узнали бюджет', 'Нашли ЛПР'],
  required: ['need', 'amount', 'nextStepDate'],
  exit: 'Потребность и бюджет подтверждены, встреча назначена',
  strict: true,
};

describe('stage playbooks', () => {
  it('names the missing fields and unticked items', () => {
    const m = missingToLeave(deal({ need: 'Склад' }), qualification, new Set(['Нашли ЛПР']));
    expect(m).toEqual({ fields: ['amount', 'nextStepDate'], items: ['Узнали бюджет'] });
  });

  it('refuses a move from a strict stage with anything missing, even confirmed', () => {
    const d = decideMove(deal(), qualification, new Set(), true);
    expect(d.kind).toBe('refuse');
  });

  it('warns on a non-strict stage, and goes ahead once confirmed, exit not met', () => {
    const soft = { ...qualification, strict: false };
    expect(decideMove(deal(), soft, new Set(), false).kind).toBe('warn');
    expect(decideMove(deal(), soft, new Set(), true)).toEqual({ kind: 'ok', exitMet: false });
  });

  it('goes ahead with the exit criterion met when all is done, or without a playbook', () => {
    const done = deal({ need: 'Склад', amount: 100_00, nextStepDate: 20_000 });
    const ticks = new Set(qualification.checklist);
    expect(decideMove(done, qualification, ticks, false)).toEqual({ kind: 'ok', exitMet: true });
    expect(decideMove(deal(), undefined, new Set(), false)).toEqual({ kind: 'ok', exitMet: true });
  });

  it('measures compliance as the share of moves made with the exit met', () => {
    expect(
      compliance([{ exitMet: true }, { exitMet: false }, { exitMet: true }, { exitMet: null }]),
    ).toBeCloseTo(2 / 3);
    expect(compliance([])).toBeNull();
  });
});
