/**
 * Demo people data a head of sales would believe: grades across the team, the most recent hire in
 * onboarding with a mentor, a year of trainings with two attestation rounds (so some managers are
 * due again), and a handful of candidates at every stage with interview scores.
 */
import { defaultPeople } from '../people/settings';
import type { NewStep } from '../people/onboarding';
import type { Candidate, Score, Training } from '../people/types';
import type { Day } from '../time';
import type { Lang, Manager } from '../types';
import type { Random } from './random';

export interface PeopleDemo {
  onboarding: NewStep[];
  trainings: Array<Omit<Training, 'row'>>;
  candidates: Array<Omit<Candidate, 'row'>>;
  scores: Array<Omit<Score, 'row'>>;
}

const TOPICS: Record<Lang, string[]> = {
  ru: ['Работа с возражениями', 'Презентация продукта', 'Переговоры о цене', 'Работа в CRM'],
  en: ['Handling objections', 'Product presentation', 'Price negotiation', 'Working in the CRM'],
};
const CANDIDATES: ReadonlyArray<[string, string, Candidate['stage']]> = [
  ['Ольга Серова', 'Olga Serova', 'applied'],
  ['Денис Ларин', 'Denis Larin', 'interview'],
  ['Марина Титова', 'Marina Titova', 'testTask'],
  ['Артём Белов', 'Artyom Belov', 'offer'],
  ['Игорь Крылов', 'Igor Krylov', 'declined'],
];

/** Sets grades and the new hire's mentor on `managers`, and returns the people sheets' rows. */
export function demoPeople(
  managers: Manager[],
  today: Day,
  lang: Lang,
  rnd: Random,
  domain: string,
): PeopleDemo {
  const p = defaultPeople(lang);
  const sales = managers
    .filter((m) => m.role === 'manager')
    .sort((a, b) => (a.hiredAt ?? 0) - (b.hiredAt ?? 0));
  const newest = sales[sales.length - 1];
  sales.forEach((m, i) => {
    // The longest-serving are senior, the newest junior: a believable ladder.
    const g = i === 0 ? 2 : i < sales.length / 2 ? 1 : 0;
    m.grade = p.grades[g].grade;
  });
  if (newest && sales[0] !== newest) newest.mentor = sales[0].email;

  const onboarding: NewStep[] = [];
  if (newest?.hiredAt != null) {
    const hired = newest.hiredAt;
    p.onboarding.forEach((s, i) => {
      const due = hired + s.dueDay;
      const done = i < p.onboarding.length - 1 && due <= today;
      onboarding.push({
        manager: newest.email,
        step: s.step,
        due,
        doneAt: done ? Math.min(due - rnd.int(0, 2), today) : null,
        doneBy: done ? (i === 2 ? sales[0].email : newest.email) : '',
        comment: '',
      });
    });
  }

  const trainings: PeopleDemo['trainings'] = [];
  const trainer = lang === 'ru' ? 'Руководитель отдела' : 'Head of sales';
  for (const monthsAgo of [11, 8, 5, 2]) {
    const date = today - monthsAgo * 30 - rnd.int(0, 10);
    const topic = TOPICS[lang][monthsAgo % TOPICS[lang].length];
    for (const m of sales) {
      if ((m.hiredAt ?? 0) > date || rnd.chance(0.15)) continue;
      trainings.push({
        date,
        manager: m.email,
        kind: 'training',
        topic,
        trainer,
        score: null,
        passed: true,
      });
    }
  }
  const workshop = today - 140;
  for (const m of sales.filter((x) => (x.hiredAt ?? 0) < workshop)) {
    trainings.push({
      date: workshop,
      manager: m.email,
      kind: 'workshop',
      topic: lang === 'ru' ? 'Сложные переговоры' : 'Hard negotiations',
      trainer: lang === 'ru' ? 'Приглашённый эксперт' : 'Guest expert',
      score: null,
      passed: true,
    });
  }
  // Two attestation rounds: the older one covers everyone, the recent one half the team.
  sales.forEach((m, i) => {
    for (const [ago, who] of [
      [260, true],
      [75, i % 2 === 0],
    ] as const) {
      const date = today - ago;
      if (!who || (m.hiredAt ?? 0) > date) continue;
      const score = rnd.int(55, 96);
      trainings.push({
        date,
        manager: m.email,
        kind: 'attestation',
        topic: p.onboarding[p.onboarding.length - 1].step,
        trainer,
        score,
        passed: score >= 65,
      });
    }
  });
  trainings.sort((a, b) => (a.date ?? 0) - (b.date ?? 0));

  const candidates: PeopleDemo['candidates'] = [];
  const scores: PeopleDemo['scores'] = [];
  CANDIDATES.forEach(([ru, en, stage], i) => {
    const name = lang === 'ru' ? ru : en;
    candidates.push({
      name,
      email: `cand${i + 1}@${domain.replace(/^[^.]+/, 'mail')}`,
      contact: `+79${String(161234500 + i * 7919).slice(0, 9)}`,
      // The team the opening is in: hiring makes it the new manager's team.
      position: sales[i % Math.max(sales.length, 1)]?.team ?? '',
      stage,
      source: ['hh.ru', lang === 'ru' ? 'Рекомендация' : 'Referral'][i % 2],
      notes: '',
    });
    if (stage === 'applied') return;
    for (const question of p.questions) {
      scores.push({ candidate: name, question, score: rnd.int(stage === 'declined' ? 1 : 3, 5) });
    }
  });
  return { onboarding, trainings, candidates, scores };
}
