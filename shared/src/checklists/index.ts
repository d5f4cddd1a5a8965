export * from './types.js';
export { DEFAULT_CHECKLIST } from './default-checklist.js';
export { checklistProblemMessage, validateChecklist, type ChecklistProblem, type ChecklistProblemCode } from './validate.js';
