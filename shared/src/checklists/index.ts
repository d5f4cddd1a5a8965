export * from './types.js';
export { DEFAULT_CHECKLIST } from './default-checklist.js';
export { validateChecklist, type ChecklistProblem } from './validate.js';
