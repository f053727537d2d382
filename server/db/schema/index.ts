export * from './core.js';
export * from './plan.js';
export * from './audit.js';
export * from './reporting.js';
export * from './reminders.js';
export * from './supervision.js';
export * from './evaluation.js';
export * from './takeUp.js';
