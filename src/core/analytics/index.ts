/**
 * The analytics core: periods, the working-day calendar, attention selections (forgotten deals,
 * unprocessed leads...), plans and plan-fact, KPIs, funnel, receivables and bonuses. Pure: no
 * Apps Script globals. Other areas (reminders, sidebar) import from here only.
 */
export * from './period';
export * from './calendar';
export * from './context';
export * from './stages';
export * from './currency';
export * from './settings';
export * from './activity-index';
export * from './forgotten';
export * from './managers';
export * from './attention';
export * from './plans';
export * from './pace';
export * from './planfact';
export * from './decompose';
export * from './stats';
export * from './kpi';
export * from './funnel';
export * from './response';
export * from './discipline';
export * from './team-discipline';
export * from './forecast';
export * from './receivables';
export * from './bonus';
export * from './bonus-report';
export * from './format';
export * from './dashboard';
