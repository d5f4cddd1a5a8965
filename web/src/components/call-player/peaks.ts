import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WaveformPeaks } from '#shared/api/recordings';
import { recordingKeys } from '#web/api/recording';
import { api } from '#web/lib/api-client';

export type { WaveformPeaks };

/** The audio as the <audio> element streams it: the session cookie set at sign-in authorises it, Range seeks. */
export const recordingAudioUrl = (id: string, options: { download?: boolean } = {}) =>
  `/api/recordings/${encodeURIComponent(id)}/audio${options.download ? '?download=1' : ''}`;

export const getRecordingPeaks = (id: string, signal?: AbortSignal) => api.get<WaveformPeaks>(`/recordings/${encodeURIComponent(id)}/peaks`, undefined, signal);

export const recordingPeaksQueryOptions = (id: string) =>
  queryOptions({
    queryKey: recordingKeys.peaks(id),
    queryFn: ({ signal }) => getRecordingPeaks(id, signal),
    // Computed once at ingestion: they never change.
    staleTime: Infinity,
  });

export const useRecordingPeaks = (id: string) => useQuery(recordingPeaksQueryOptions(id));
