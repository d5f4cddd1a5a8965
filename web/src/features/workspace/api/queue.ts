import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** `GET /api/sampling/queue/next`: the caller's next call still to score, or null when the queue is done. */
export interface NextCall {
  next: { recordingId: string; source?: string; [key: string]: unknown } | null;
}

export const getNextCall = () => api.get<NextCall>('/sampling/queue/next');

/** Asked on demand (the 下一通 button, the N key), never cached: the queue moves as calls are scored. */
export const useNextCall = () => useMutation({ mutationFn: getNextCall });
