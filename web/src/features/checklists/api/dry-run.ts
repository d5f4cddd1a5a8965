import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChecklistDryRun, DryRunExample, DryRunRule } from '#shared/api/checklists';
import { checklistKeys } from '#web/api/checklists';
import { api } from '#web/lib/api-client';

export type { ChecklistDryRun, DryRunExample, DryRunRule };

/**
 * `GET /api/checklists/:id/dry-run?project=`: what publishing the saved draft would flip, per rule,
 * over the project's calls of the last 7 days (at most 2,000, the newest; `sample` says so).
 */
export const getDryRun = (id: string, project: string, signal?: AbortSignal) =>
  api.get<ChecklistDryRun>(`/checklists/${encodeURIComponent(id)}/dry-run`, { project }, signal);

/** Under the version's key: a save or a publish of the draft invalidates it with the rest. */
export const dryRunQueryOptions = (id: string, project: string) =>
  queryOptions({
    queryKey: [...checklistKeys.version(id), 'dry-run', project] as const,
    queryFn: ({ signal }) => getDryRun(id, project, signal),
    staleTime: 0,
  });

/** Runs only once asked (`project` set): it reads a week of calls. */
export const useDryRun = (id: string, project: string | undefined) => useQuery({ ...dryRunQueryOptions(id, project ?? ''), enabled: !!project });
