import type { Project } from '#shared/api/org.js';
import type { ProjectEntity } from './project.entity.js';

export const toProjectResponse = (p: ProjectEntity): Project => ({
  id: p.id,
  code: p.code,
  name: p.name,
  active: p.active,
  disputeWindowDays: p.disputeWindowDays,
  blindShare: p.blindShare,
});
