import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalibrationListStatus, CalibrationSession, CalibrationSessionList, CalibrationToScoreList } from '#shared/api/calibration';
import type { RecordingSummary } from '#shared/api/recordings';
import { api, type Page } from '#web/lib/api-client';

export type {
  CalibrationItemResult,
  CalibrationResults,
  CalibrationSession,
  CalibrationSessionSummary,
  CalibrationToScore,
  CalibrationCallScores,
  CalibrationListStatus,
} from '#shared/api/calibration';
export { CALIBRATION_LIST_STATUSES } from '#shared/api/calibration';

export const calibrationKeys = {
  all: ['calibration'] as const,
  lists: () => ['calibration', 'list'] as const,
  list: (status?: CalibrationListStatus) => ['calibration', 'list', status ?? null] as const,
  session: (id: string) => ['calibration', 'session', id] as const,
  toScore: () => ['calibration', 'to-score'] as const,
  calls: (q: CallQuery) => ['calibration', 'calls', q] as const,
};

/**
 * `GET /api/calibration-sessions`: a supervisor's of his projects, an inspector's those he takes part in;
 * by status (`ready`: ready to reveal). The sessions page and the supervisor's home count both use it.
 */
export const getSessions = (status?: CalibrationListStatus, signal?: AbortSignal) => api.get<CalibrationSessionList>('/calibration-sessions', { status }, signal);
export const useCalibrationSessions = (status?: CalibrationListStatus, enabled = true) =>
  useQuery({ ...queryOptions({ queryKey: calibrationKeys.list(status), queryFn: ({ signal }) => getSessions(status, signal) }), enabled });

/** `GET /api/calibration-sessions/:id`: progress; after the reveal the results and guidance. */
export const getSession = (id: string, signal?: AbortSignal) => api.get<CalibrationSession>(`/calibration-sessions/${encodeURIComponent(id)}`, undefined, signal);
export const useCalibrationSession = (id: string) =>
  useQuery(queryOptions({ queryKey: calibrationKeys.session(id), queryFn: ({ signal }) => getSession(id, signal), enabled: !!id }));

/** `GET /api/calibration-sessions/to-score`: the caller's calls still to score in sessions not yet revealed. */
export const getToScore = (signal?: AbortSignal) => api.get<CalibrationToScoreList>('/calibration-sessions/to-score', undefined, signal);
export const useCalibrationToScore = (enabled = true) =>
  useQuery({ ...queryOptions({ queryKey: calibrationKeys.toScore(), queryFn: ({ signal }) => getToScore(signal) }), enabled });

export interface CallQuery {
  project?: string;
  /** A local day, YYYY-MM-DD. */
  date?: string;
}

/** `GET /api/recordings`: the project's calls of a day, to choose the session's calls from. */
export const useCallsOfDay = (q: CallQuery) =>
  useQuery({
    queryKey: calibrationKeys.calls(q),
    queryFn: ({ signal }) => api.get<Page<RecordingSummary>>('/recordings', { project: q.project, from: q.date, to: q.date, pageSize: 200 }, signal),
    enabled: !!q.project && !!q.date,
  });

export interface NewSession {
  title: string;
  recordings: string[];
  participants: string[];
  expert?: string;
  deadline: string;
}

/** `POST /api/calibration-sessions`. */
export function useCreateSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSession) => api.post<CalibrationSession>('/calibration-sessions', body),
    onSuccess: (session) => {
      client.setQueryData(calibrationKeys.session(session.id), session);
      void client.invalidateQueries({ queryKey: calibrationKeys.lists() });
    },
  });
}

function useSessionUpdate<V>(mutationFn: (v: V) => Promise<CalibrationSession>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (session) => {
      client.setQueryData(calibrationKeys.session(session.id), session);
      void client.invalidateQueries({ queryKey: calibrationKeys.lists() });
    },
  });
}

/** `POST /api/calibration-sessions/:id/reveal`: once. */
export const useRevealSession = () => useSessionUpdate((id: string) => api.post<CalibrationSession>(`/calibration-sessions/${encodeURIComponent(id)}/reveal`, {}));

/** `PUT /api/calibration-sessions/:id/guidance`: each item's guidance, written into the next checklist draft as its scoring note. */
export const useWriteGuidance = () =>
  useSessionUpdate(({ id, items }: { id: string; items: { code: string; text: string }[] }) =>
    api.put<CalibrationSession>(`/calibration-sessions/${encodeURIComponent(id)}/guidance`, { items }),
  );
