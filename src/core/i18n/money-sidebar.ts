/** The sidebar's money texts (import target, the Money screen), kept short: the page is size-capped. */
export const ru = {
  'msb.import.target': 'Что в файле',
  'msb.import.leads': 'Лиды',
  'msb.import.spend': 'Расходы',
  'msb.tab': 'Деньги',
  'msb.budget': 'Бюджет за {period}',
  'msb.cac': 'Источники: расход и цена сделки',
  'msb.line': '{actual} из {plan}, по темпу {projection}',
  'msb.source': '{spend} · лидов {leads} · выиграно {won} · CAC {cac}',
  'msb.atRisk': 'перерасход по темпу',
  'msb.over': 'перерасход',
  'msb.unplanned': 'нет бюджета',
  'msb.noSource': '(без источника)',
  'msb.empty': 'Нет данных за период',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'msb.import.target': 'The file holds',
  'msb.import.leads': 'Leads',
  'msb.import.spend': 'Expenses',
  'msb.tab': 'Money',
  'msb.budget': 'Budget for {period}',
  'msb.cac': 'Sources: spend and cost per deal',
  'msb.line': '{actual} of {plan}, {projection} at this pace',
  'msb.source': '{spend} · {leads} leads · {won} won · CAC {cac}',
  'msb.atRisk': 'will overspend',
  'msb.over': 'overspent',
  'msb.unplanned': 'no budget',
  'msb.noSource': '(no source)',
  'msb.empty': 'No data for the period',
};
