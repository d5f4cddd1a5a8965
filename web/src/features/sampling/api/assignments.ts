import type { Assignment } from '../../../../../shared/src/api/sampling';

export type { Assignment };

/** Where a call of the queue is scored (the scoring workspace). */
export const workspacePath = (a: Pick<Assignment, 'recordingId' | 'source'>) => `/evaluate/${a.recordingId}?source=${encodeURIComponent(a.source)}`;
