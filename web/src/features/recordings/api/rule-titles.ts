import type { ChecklistVersion } from '#web/api/checklists';
import { useActiveChecklist } from '#web/api/checklists';

/** Item titles by code (module-level so that `select` keeps its result between renders). */
const titlesByCode = (checklist: ChecklistVersion): Record<string, string> =>
  Object.fromEntries(checklist.sections.flatMap((section) => section.items.map((item) => [item.code, item.title])));

/** The automatically checked items, for the "failed rule" filter. */
const ruledItems = (checklist: ChecklistVersion): { code: string; title: string }[] =>
  checklist.sections.flatMap((section) => section.items.filter((item) => item.rule).map(({ code, title }) => ({ code, title })));

/** Item titles by code of the active checklist; while loading or if refused, the page shows the codes alone. */
export const useRuleTitles = () => useActiveChecklist(titlesByCode);

/** The active checklist's automatically checked items. */
export const useRuledItems = () => useActiveChecklist(ruledItems);
