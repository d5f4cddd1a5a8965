import { useMutation } from '@tanstack/react-query';
import type { NextAssignment } from '#shared/api/sampling';
import { api } from '#web/lib/api-client';

/** `GET /api/sampling/queue/next`: the caller's next call still to score, or null when the queue is done. */
export const getNextCall = () => api.get<NextAssignment>('/sampling/queue/next');

/** Asked on demand (the 下一通 button, the N key), never cached: the queue moves as calls are scored. */
export const useNextCall = () => useMutation({ mutationFn: getNextCall });
