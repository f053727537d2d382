export * from './core.js';
export * from './plan.js';
export * from './audit.js';
