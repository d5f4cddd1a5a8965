import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Assignment, SamplingRun } from '#shared/api/sampling';
import { api, errorFromResponse, getToken, networkError } from '#web/lib/api-client';

export interface RunInput {
  project: string;
  date: string;
}

/** The run of a project's day; 404 when the day has not been sampled. */
export const getRun = ({ project, date }: RunInput, signal?: AbortSignal) => api.get<SamplingRun>(`/sampling/runs/${encodeURIComponent(project)}`, { date }, signal);

export const runQueryOptions = (input: RunInput) =>
  queryOptions({
    queryKey: ['sampling', 'run', input],
    queryFn: ({ signal }) => getRun(input, signal),
    staleTime: 0,
  });

export const useRun = (input: RunInput | null) => useQuery({ ...runQueryOptions(input ?? { project: '', date: '' }), enabled: !!input });

/**
 * Samples the day. The server answers 201 for a new run and 200 with the run it made before (a day
 * is never sampled twice): the page says which, so this reads the status, which api.post hides.
 */
export async function runSampling(input: RunInput): Promise<{ created: boolean; run: SamplingRun }> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch('/api/sampling/runs', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) throw await errorFromResponse(res);
  return { created: res.status === 201, run: (await res.json()) as SamplingRun };
}

export function useRunSampling() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runSampling,
    onSuccess: ({ run }, input) => {
      queryClient.setQueryData(runQueryOptions(input).queryKey, run);
      void queryClient.invalidateQueries({ queryKey: ['sampling', 'queue'] });
    },
  });
}

/** Gives an unscored call to another inspector of the project (409 once it has been scored). */
export const reassign = ({ id, inspector }: { id: string; inspector: string }) => api.patch<Assignment>(`/sampling/assignments/${id}`, { inspector });

export function useReassign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reassign,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['sampling'] }),
  });
}
