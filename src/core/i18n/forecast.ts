/** The next-period forecast (SALES_FORECAST_NEXT, the dashboard block) and the fact-basis argument. */
export const ru = {
  'fc.arg.basis':
    'основа факта — «won» (выигранные сделки) или «payments» (оплаты), а не «{value}»',
  'fc.arg.needInvoices': 'для основы «payments» нужен диапазон счетов со строкой заголовков',
  'fc.arg.count': 'нужно целое число от {min} до {max}, а не «{value}»',
  'fc.col.month': 'Месяц',
  'fc.col.value': 'Факт / прогноз',
  'fc.col.forecast': 'Прогноз',
  'fc.col.low': 'Нижняя граница',
  'fc.col.high': 'Верхняя граница',
  'fc.col.history': 'По истории',
  'fc.col.pipeline': 'По воронке',
  'fc.col.note': 'Как посчитано',
  'fc.row.fact': 'факт; рядом — прогнозы методов, сделанные до начала месяца',
  'fc.row.quarter': 'сумма месяцев квартала',
  'fc.row.blend': '{method} по {months} мес. × {wh} + воронка × {wp}',
  'fc.row.history': '{method} по {months} мес.',
  'fc.method.holtWinters': 'Хольт — Уинтерс',
  'fc.method.seasonalNaive': 'сезонный наивный с трендом',
  'fc.method.smoothing': 'экспоненциальное сглаживание',
  'fc.method.naive': 'последний месяц',
  'fc.accuracy':
    'Точность за последние {months} мес.: прогноз был в пределах ±{within} в {hit} из {months} мес. (MAPE {mape}, смещение {bias}).',
  'fc.accuracyParts':
    'Методы по отдельности: история — MAPE {hm}, смещение {hb}; воронка — MAPE {pm}, смещение {pb}.',
  'fc.accuracyNone':
    'Точность ещё не измерена: меньше {min} закрытых месяцев с фактом; полоса ±{band} взята по умолчанию.',
  'fc.slip': 'Сделки с прошедшей датой закрытия идут в первый месяц с весом × {factor} ({how}).',
  'fc.slip.measured': 'по доле выигранных среди сделок, закрытых после переноса',
  'fc.slip.default': 'по умолчанию: закрытых после переноса сделок меньше 10',
  'fc.payments': 'Основа факта — оплаты: прогноз по истории оплат, воронка не используется.',
  'fc.dash.title': 'Прогноз на следующие месяцы',
  'fc.chart': 'Факт и прогноз с полосой',
} as const;

export const en: Record<keyof typeof ru, string> = {
  'fc.arg.basis': 'the fact basis is "won" (won deals) or "payments", not "{value}"',
  'fc.arg.needInvoices': 'the "payments" basis needs the Invoices range with its header row',
  'fc.arg.count': 'expected a whole number from {min} to {max}, not "{value}"',
  'fc.col.month': 'Month',
  'fc.col.value': 'Actual / forecast',
  'fc.col.forecast': 'Forecast',
  'fc.col.low': 'Low',
  'fc.col.high': 'High',
  'fc.col.history': 'From history',
  'fc.col.pipeline': 'From pipeline',
  'fc.col.note': 'How',
  'fc.row.fact': "actual; beside it, each method's forecast made before the month began",
  'fc.row.quarter': "the sum of the quarter's months",
  'fc.row.blend': '{method} on {months} mo. × {wh} + pipeline × {wp}',
  'fc.row.history': '{method} on {months} mo.',
  'fc.method.holtWinters': 'Holt-Winters',
  'fc.method.seasonalNaive': 'seasonal naive with trend',
  'fc.method.smoothing': 'exponential smoothing',
  'fc.method.naive': 'last month',
  'fc.accuracy':
    'Accuracy over the last {months} months: the forecast was within ±{within} in {hit} of {months} months (MAPE {mape}, bias {bias}).',
  'fc.accuracyParts':
    'Each method alone: history MAPE {hm}, bias {hb}; pipeline MAPE {pm}, bias {pb}.',
  'fc.accuracyNone':
    'Accuracy not measured yet: fewer than {min} closed months with actuals; the ±{band} band is a default.',
  'fc.slip':
    'Deals past their expected close date go to the first month at weight × {factor} ({how}).',
  'fc.slip.measured': 'the win share of deals closed after a push',
  'fc.slip.default': 'a default: fewer than 10 deals closed after a push',
  'fc.payments': 'The actuals are payments: the forecast is from the payment history, no pipeline.',
  'fc.dash.title': 'Forecast for the next months',
  'fc.chart': 'Actual and forecast with its band',
} as const;
