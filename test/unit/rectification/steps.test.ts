import { describe, expect, it } from 'vitest';
import type { RectificationStatus } from '#shared/api/rectification.js';
import { canTakeStep, NOTICE_STEPS, type NoticeStepName } from '#shared/rectification/steps.js';

const STATUSES: RectificationStatus[] = ['issued', 'acknowledged', 're-checking', 'closed', 'escalated'];

describe('the steps of a rectification notice (what the server allows and the web offers)', () => {
  it.each<[NoticeStepName, RectificationStatus[]]>([
    ['acknowledge', ['issued']],
    ['recheck', ['issued', 'acknowledged']],
    ['close', ['re-checking', 'escalated']],
    ['escalate', ['issued', 'acknowledged', 're-checking']],
  ])('%s is taken from %j only', (step, from) => {
    expect(STATUSES.filter((s) => canTakeStep(s, step))).toEqual(from);
  });

  it('takes no step from a closed notice', () => {
    expect((Object.keys(NOTICE_STEPS) as NoticeStepName[]).filter((step) => canTakeStep('closed', step))).toEqual([]);
  });
});
