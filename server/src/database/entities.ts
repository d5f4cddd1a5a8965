import { ChecklistVersionEntity } from '../checklists/checklist-version.entity.js';
import { EvaluationEntity, EvaluationHistoryEntity, EvaluationItemEntity } from '../evaluations/evaluation.entity.js';
import { AutocheckRunEntity, RecordingAutoCheckEntity } from '../autocheck/auto-check.entity.js';
import { SamplingAssignmentEntity, SamplingPlanEntity, SamplingRunEntity } from '../sampling/sampling.entity.js';
import { AuditLogEntity } from '../audit/audit-log.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { AgentEntity } from '../org/agents/agent.entity.js';
import { ProjectEntity } from '../org/projects/project.entity.js';
import { TeamEntity } from '../org/teams/team.entity.js';
import { UserEntity } from '../org/users/user.entity.js';
import { RecordingAccessEntity, RecordingEntity, RecordingPeaksEntity, RecordingTranscriptEntity } from '../recordings/recording.entity.js';

/** Every entity, listed explicitly: globs do not work under ESM (STACK.md trap 5). */
export const ENTITIES = [ProjectEntity, TeamEntity, AgentEntity, UserEntity, SessionEntity, AuditLogEntity, RecordingEntity, RecordingPeaksEntity, RecordingTranscriptEntity, RecordingAccessEntity, ChecklistVersionEntity, EvaluationEntity, EvaluationItemEntity, EvaluationHistoryEntity, RecordingAutoCheckEntity, AutocheckRunEntity, SamplingPlanEntity, SamplingRunEntity, SamplingAssignmentEntity];
