import type { Team, TeamLead } from '#shared/api/org.js';
import type { TeamEntity } from './team.entity.js';

export const toTeamResponse = (t: TeamEntity, leads: TeamLead[] = []): Team => ({
  id: t.id,
  code: t.code,
  name: t.name,
  project: t.project.code,
  projectName: t.project.name,
  active: t.active,
  leads,
});
