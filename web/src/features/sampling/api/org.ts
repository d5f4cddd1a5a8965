import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Project, Team } from '../../../../../shared/src/api/org';
import type { SamplingInspectors } from '../../../../../shared/src/api/sampling';
import { api, type Page } from '../../../lib/api-client';

/** Projects, teams and inspectors for the sampling pages (the server scopes each list to the caller). */
export const getProjectOptions = (signal?: AbortSignal) => api.get<Page<Project>>('/projects', undefined, signal);

export const projectOptionsQueryOptions = () =>
  queryOptions({ queryKey: ['sampling', 'projects'], queryFn: ({ signal }) => getProjectOptions(signal), staleTime: 5 * 60_000 });

export const useProjectOptions = () => useQuery(projectOptionsQueryOptions());

export const getTeamOptions = (signal?: AbortSignal) => api.get<Page<Team>>('/teams', undefined, signal);

export const teamOptionsQueryOptions = () =>
  queryOptions({ queryKey: ['sampling', 'teams'], queryFn: ({ signal }) => getTeamOptions(signal), staleTime: 5 * 60_000 });

export const useTeamOptions = () => useQuery(teamOptionsQueryOptions());

/** Active inspectors bound to the project or one of its teams (`GET /api/sampling/inspectors/:project`). */
export const getInspectors = (project: string, signal?: AbortSignal) =>
  api.get<SamplingInspectors>(`/sampling/inspectors/${encodeURIComponent(project)}`, undefined, signal).then((r) => r.items);

export const inspectorsQueryOptions = (project: string) =>
  queryOptions({
    queryKey: ['sampling', 'inspectors', project],
    queryFn: ({ signal }) => getInspectors(project, signal),
    staleTime: 60_000,
  });

export const useInspectors = (project: string | undefined, enabled: boolean) => useQuery({ ...inspectorsQueryOptions(project ?? ''), enabled: enabled && !!project });
