import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Project } from '#shared/api/org';
import { api, type Page } from '#web/lib/api-client';

export type { Project };

/** Every cached answer about projects sits under `projectKeys.all`, invalidated when one changes. */
export const projectKeys = {
  all: ['projects'] as const,
  list: () => [...projectKeys.all, 'list'] as const,
};

/** `GET /api/projects`: the projects the caller may see. */
export const getProjects = (signal?: AbortSignal) => api.get<Page<Project>>('/projects', undefined, signal);

export const projectsQueryOptions = () =>
  queryOptions({
    queryKey: projectKeys.list(),
    queryFn: ({ signal }) => getProjects(signal),
  });

export const useProjects = () => useQuery(projectsQueryOptions());
