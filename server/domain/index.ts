// Pure planning-domain rules: calendar, reporting periods, task and indicator status,
// rollups, indicator splits and unit scores. No database, no I/O beyond the shipped calendar.
export * from './dates.js';
export * from './calendar/index.js';
export * from './reportingPeriods.js';
export * from './status.js';
export * from './indicatorExpected.js';
export * from './indicatorStatus.js';
export * from './rollup.js';
export * from './indicatorSplit.js';
export * from './unitScore.js';
export * from './taskDates.js';
export * from './planSettings.js';
