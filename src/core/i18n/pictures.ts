/** The sidebar's pictures: their text alternatives and the few words drawn beside them. */
export const ru = {
  'pic.trend': 'Выполнение плана по периодам: {list}',
  'pic.noPlan': 'нет плана',
  'pic.plan': 'Факт {fact} из плана {plan}; по ровному темпу к сегодня {expected}',
  'pic.expected': 'По ровному темпу к сегодня: {value}',
  'pic.behind': 'отстаёт на {value}',
  'pic.ahead': 'впереди на {value}',
  'pic.marker': 'темп',
  'pic.weeks': 'Забытые сделки по неделям',
  'pic.byManager': 'По менеджерам',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'pic.trend': 'Plan completion by period: {list}',
  'pic.noPlan': 'no plan',
  'pic.plan': 'Actual {fact} of plan {plan}; at an even pace by today {expected}',
  'pic.expected': 'At an even pace by today: {value}',
  'pic.behind': 'behind by {value}',
  'pic.ahead': 'ahead by {value}',
  'pic.marker': 'pace',
  'pic.weeks': 'Forgotten deals by week',
  'pic.byManager': 'By manager',
};
