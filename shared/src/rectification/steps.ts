import type { RectificationStatus } from '../api/rectification.js';

/**
 * The steps of a rectification notice's life (DOMAIN.md workflow 6) and the states each may be taken
 * from: the server refuses any other with RECTIFICATION_STATE, the web offers only these.
 */
export const NOTICE_STEPS = {
  acknowledge: { from: ['issued'], to: 'acknowledged' },
  recheck: { from: ['issued', 'acknowledged'], to: 're-checking' },
  close: { from: ['re-checking', 'escalated'], to: 'closed' },
  escalate: { from: ['issued', 'acknowledged', 're-checking'], to: 'escalated' },
} as const satisfies Record<string, { from: readonly RectificationStatus[]; to: RectificationStatus }>;

export type NoticeStepName = keyof typeof NOTICE_STEPS;

/** Whether a notice in `status` may take the step. */
export const canTakeStep = (status: RectificationStatus, step: NoticeStepName): boolean => (NOTICE_STEPS[step].from as readonly RectificationStatus[]).includes(status);
