import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommonProblem, IndividualProblem, ProblemPeriod, ProblemPlan, ProblemsReport, TeamProblems } from '#shared/api/reports';
import { api } from '#web/lib/api-client';

export type { CommonProblem, IndividualProblem, ProblemPeriod, ProblemPlan, TeamProblems };

export interface ProblemsQuery {
  project: string;
  from: string;
  to: string;
}

/** Every cached problems report sits under `problemKeys.all`, invalidated when a plan is saved. */
export const problemKeys = {
  all: ['reports', 'problems'] as const,
  report: (q: ProblemsQuery) => [...problemKeys.all, q.project, q.from, q.to] as const,
};

/** `GET /api/reports/problems`: each team's common (共性) and individual (个性) problems. */
export const getProblems = (q: ProblemsQuery, signal?: AbortSignal) =>
  api.get<ProblemsReport>('/reports/problems', { project: q.project, from: q.from, to: q.to }, signal);

export const problemsQueryOptions = (q: ProblemsQuery) =>
  queryOptions({
    queryKey: problemKeys.report(q),
    queryFn: ({ signal }) => getProblems(q, signal),
  });

export const useProblems = (q: ProblemsQuery | undefined) => useQuery({ ...problemsQueryOptions(q ?? { project: '', from: '', to: '' }), enabled: !!q });

/** What a save sends: the plan's fields, and the revision read (absent for the first plan). */
export type PlanInput = Pick<ProblemPlan, 'team' | 'code' | 'period' | 'from' | 'text' | 'owner' | 'due'> & { revision?: number };

/** `PUT /api/reports/problems/plans`: a common problem's improvement plan for one week or month. */
export const savePlan = (input: PlanInput) => api.put<ProblemPlan>('/reports/problems/plans', input);

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: savePlan,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: problemKeys.all }),
  });
}
