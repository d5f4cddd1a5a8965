import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ScoreTrend, TrendBucket, TrendPoint } from '#shared/api/dashboard';
import { api } from '#web/lib/api-client';

export type { ScoreTrend, TrendBucket, TrendPoint };

export interface TrendQuery {
  project: string;
  from: string;
  to: string;
  bucket: TrendBucket;
  team?: string;
}

export const trendKeys = {
  all: ['reports', 'trend'] as const,
  trend: (q: TrendQuery) => [...trendKeys.all, q.project, q.from, q.to, q.bucket, q.team ?? ''] as const,
};

/** `GET /api/reports/trend`: the mean score and fatal share per day, week or month of the period, each with its 95 % interval. */
export const getTrend = (q: TrendQuery, signal?: AbortSignal) =>
  api.get<ScoreTrend>('/reports/trend', { project: q.project, from: q.from, to: q.to, bucket: q.bucket, team: q.team }, signal);

export const trendQueryOptions = (q: TrendQuery) =>
  queryOptions({
    queryKey: trendKeys.trend(q),
    queryFn: ({ signal }) => getTrend(q, signal),
  });

export const useTrend = (q: TrendQuery | undefined) => useQuery({ ...trendQueryOptions(q ?? { project: '', from: '', to: '', bucket: 'day' }), enabled: !!q });
