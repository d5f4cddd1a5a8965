import type { RetentionPolicy } from '#shared/api/retention.js';
import type { PolicyRow } from './retention.repository.js';

export const toRetentionPolicy = (r: PolicyRow): RetentionPolicy => ({
  projectId: r.projectId,
  project: r.projectCode,
  projectName: r.projectName,
  audioDays: r.audioDays,
  evaluatedAudioDays: r.evaluatedAudioDays,
  updatedAt: r.updatedAt ? new Date(r.updatedAt).toISOString() : null,
  updatedBy: r.updatedBy,
});
