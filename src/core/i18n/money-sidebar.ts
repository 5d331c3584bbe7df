/** The sidebar's money texts (import target, the Money screen), kept short: the page is size-capped. */
export const ru = {
  'msb.import.target': 'Что в файле',
  'msb.import.leads': 'Лиды',
  'msb.import.spend': 'Расходы',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'msb.import.target': 'The file holds',
  'msb.import.leads': 'Leads',
  'msb.import.spend': 'Expenses',
};
