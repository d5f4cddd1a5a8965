import { keepPreviousData, queryOptions, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Evaluation } from '#shared/api/evaluations';
import type { RectificationNotice, RectificationNoticeList, RectificationStatus, RectificationStep } from '#shared/api/rectification';
import type { ItemFailureRate, RateInterval, RectificationVerdict } from '#shared/rectification/failure-rate';
import { canTakeStep, type NoticeStepName } from '#shared/rectification/steps';
import { api, errorFromResponse, getToken, networkError, type Page } from '#web/lib/api-client';

export type { Evaluation, ItemFailureRate, NoticeStepName, RateInterval, RectificationNotice, RectificationStatus, RectificationStep, RectificationVerdict };
export { canTakeStep };

export interface NoticeFilters {
  /** Team code. */
  team?: string;
  status?: RectificationStatus;
}

/** Every cached notice sits under `noticeKeys.all`, asked again after each step. */
export const noticeKeys = {
  all: ['rectification-notices'] as const,
  list: (filters: NoticeFilters) => [...noticeKeys.all, 'list', filters] as const,
  detail: (id: string) => [...noticeKeys.all, 'detail', id] as const,
};

const noticePath = (id: string) => `/rectification-notices/${encodeURIComponent(id)}`;

/** `GET /api/rectification-notices`: newest first; a team lead gets his teams' only. */
export const getNotices = (filters: NoticeFilters, signal?: AbortSignal) => api.get<RectificationNoticeList>('/rectification-notices', { ...filters }, signal);

export const noticesQueryOptions = (filters: NoticeFilters) =>
  queryOptions({ queryKey: noticeKeys.list(filters), queryFn: ({ signal }) => getNotices(filters, signal), placeholderData: keepPreviousData });

export const useNotices = (filters: NoticeFilters) => useQuery(noticesQueryOptions(filters));

export const noticeQueryOptions = (id: string) =>
  queryOptions({ queryKey: noticeKeys.detail(id), queryFn: ({ signal }) => api.get<RectificationNotice>(noticePath(id), undefined, signal) });

export const useNotice = (id: string) => useQuery(noticeQueryOptions(id));

/** What `POST /api/rectification-notices` takes (CONTRACT.md "Follow-up"). */
export interface IssueInput {
  team: string;
  codes: string[];
  actions: string;
  /** YYYY-MM-DD */
  deadline: string;
  recheckFrom?: string;
  evaluations?: string[];
}

export function useIssueNotice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: IssueInput) => api.post<RectificationNotice>('/rectification-notices', input),
    onSuccess: () => client.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}

/** A step on the notice, carrying the revision it was read at: `actionPlan` for the acknowledgement, `note` for the others. */
export interface StepInput {
  step: NoticeStepName;
  revision: number;
  actionPlan?: string;
  note?: string;
}

export function useNoticeStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ step, ...body }: StepInput) => api.post<RectificationNotice>(`${noticePath(id)}/${step}`, body),
    onSuccess: (notice) => {
      client.setQueryData(noticeKeys.detail(id), notice);
      return client.invalidateQueries({ queryKey: noticeKeys.all });
    },
  });
}

/**
 * The evaluations a notice may cite: the team's submitted evaluations of the period's calls that
 * failed one of the items (`GET /api/evaluations?code=`), newest first.
 */
export interface CandidateFilters {
  team: string;
  codes: string[];
  from: string;
  to: string;
}

export const EVIDENCE_PAGE_SIZE = 200;

export const useEvidenceCandidates = (filters: CandidateFilters | undefined) =>
  useQuery({
    queryKey: ['evaluations', 'failed', filters],
    queryFn: ({ signal }) =>
      api.get<Page<Evaluation>>(
        '/evaluations',
        { team: filters!.team, code: filters!.codes.join(','), from: filters!.from, to: filters!.to, pageSize: EVIDENCE_PAGE_SIZE },
        signal,
      ),
    enabled: !!filters && !!filters.team && filters.codes.length > 0,
    placeholderData: keepPreviousData,
  });

/** The notice's evidence, each evaluation as `GET /api/evaluations/:id` answers it. */
export const useEvidence = (ids: string[]) =>
  useQueries({
    queries: ids.map((id) => ({
      queryKey: ['evaluations', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Evaluation>(`/evaluations/${encodeURIComponent(id)}`, undefined, signal),
    })),
  });

/**
 * The printable notice (`GET /api/rectification-notices/:id/pdf`). A link cannot carry the bearer
 * token, so the PDF is fetched as a blob and opened from an object URL in the window `target` (opened
 * by the click itself, so that no pop-up blocker stops it), or downloaded when there is none.
 */
export async function openNoticePdf(id: string, target: Window | null): Promise<void> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(`/api${noticePath(id)}/pdf`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (e) {
    target?.close();
    throw networkError(e);
  }
  if (!res.ok) {
    target?.close();
    throw await errorFromResponse(res);
  }
  const url = URL.createObjectURL(await res.blob());
  if (target) target.location.href = url;
  else {
    const a = document.createElement('a');
    a.href = url;
    a.download = `rectification-${id}.pdf`;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }
  // The opened tab keeps its document after the URL is revoked; give it a minute to load first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
