/** The head's morning summary, "who is behind and why": one line of reasons per manager. */
export const ru = {
  'rem.who.title': 'Кто отстаёт и почему',
  'rem.who.gap': '{name} — до плана {gap}, выполнено {completion}',
  'rem.who.done': '{name} — план выполнен, {completion}',
  'rem.who.noPlan': '{name} — план на месяц не задан',
  'rem.who.weighted': 'взвешенная воронка {amount} — {share} недостающего',
  'rem.who.late': 'на поздних этапах {n#сделка|сделки|сделок} на {amount}',
  'rem.who.lateNone': 'на поздних этапах сделок нет',
  'rem.who.calls': 'звонки: {calls} при норме {norm}',
  'rem.who.callsNoNorm': 'звонки: {calls}, норма не задана',
  'rem.who.delta': 'за сутки {delta}',
  'rem.who.noDelta': 'за сутки без изменений',
  'rem.who.owner': 'менеджер: {name}',
};

export const en: Record<keyof typeof ru, string> = {
  'rem.who.title': 'Who is behind, and why',
  'rem.who.gap': '{name}: {gap} to plan, {completion} reached',
  'rem.who.done': '{name}: plan reached, {completion}',
  'rem.who.noPlan': '{name}: no plan set for the month',
  'rem.who.weighted': 'weighted pipeline {amount}, {share} of the gap',
  'rem.who.late': '{n#deal|deals} in late stages worth {amount}',
  'rem.who.lateNone': 'no deals in late stages',
  'rem.who.calls': 'calls: {calls} against a norm of {norm}',
  'rem.who.callsNoNorm': 'calls: {calls}, no norm set',
  'rem.who.delta': '{delta} since yesterday',
  'rem.who.noDelta': 'no change since yesterday',
  'rem.who.owner': 'manager: {name}',
};
