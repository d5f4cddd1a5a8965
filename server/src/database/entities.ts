import { RetentionPolicyEntity } from '#server/retention/retention-policy.entity.js';
import { AnalysisReportEntity, AnalysisReportReadEntity } from '#server/analysis-reports/analysis-report.entity.js';
import {
  ExamEntity,
  GradeChangeEntity,
  GradeTableEntity,
  GradingRequestEntity,
  KpiPartValueEntity,
  KpiSchemeEntity,
  OperationalDayEntity,
  PromotionDecisionEntity,
  PromotionEntity,
} from '#server/kpi/kpi.entity.js';
import { ExportRequestEntity } from '#server/exports/export-request.entity.js';
import { ChecklistVersionEntity } from '#server/checklists/checklist-version.entity.js';
import { EvaluationEntity, EvaluationHistoryEntity, EvaluationItemEntity } from '#server/evaluations/evaluation.entity.js';
import { AutoCheckDayEntity, AutoCheckMonthEntity, AutocheckRunEntity, RecordingAutoCheckEntity } from '#server/autocheck/auto-check.entity.js';
import { SamplingAssignmentEntity, SamplingPlanEntity, SamplingRunEntity } from '#server/sampling/sampling.entity.js';
import {
  InspectorDayEntity,
  ProblemDayEntity,
  ProblemMonthEntity,
  ProblemPlanEntity,
  ProblemSettingsEntity,
  ScoreAgentDayEntity,
  ScoreTeamDayEntity,
  ScoreTeamMonthEntity,
} from '#server/reports/reports.entity.js';
import { RectificationNoticeEntity, RectificationNoticeHistoryEntity } from '#server/rectification/rectification.entity.js';
import { CoachingEventEntity, CoachingItemEntity, CoachingSessionEntity, DefectEntity } from '#server/coaching/coaching.entity.js';
import { FaqEntryEntity, FaqProposalEntity, FaqSearchGenerationEntity, FaqVersionEntity } from '#server/faq/faq.entity.js';
import { CalibrationCallEntity, CalibrationGuidanceEntity, CalibrationParticipantEntity, CalibrationSessionEntity } from '#server/calibration/calibration.entity.js';
import { DisputeEntity, DisputeItemEntity, DisputeStepEntity, EvaluationAcknowledgementEntity } from '#server/disputes/dispute.entity.js';
import { CallExampleEntity, FaqEntryExampleEntity, SharingSessionEntity, SharingSessionExampleEntity } from '#server/examples/example.entity.js';
import { AuditLogEntity } from '#server/audit/audit-log.entity.js';
import { SessionEntity } from '#server/auth/session.entity.js';
import { LoginAttemptEntity } from '#server/auth/login-attempt.entity.js';
import { AgentEntity } from '#server/org/agents/agent.entity.js';
import { ProjectEntity } from '#server/org/projects/project.entity.js';
import { TeamEntity } from '#server/org/teams/team.entity.js';
import { UserEntity } from '#server/org/users/user.entity.js';
import { NumberSearchEntity, RecordingAccessEntity, RecordingEntity, RecordingPeaksEntity, RecordingTranscriptEntity } from '#server/recordings/recording.entity.js';

/** Every entity, listed explicitly: globs do not work under ESM (STACK.md trap 5). */
export const ENTITIES = [
  ProjectEntity,
  TeamEntity,
  AgentEntity,
  UserEntity,
  SessionEntity,
  LoginAttemptEntity,
  AuditLogEntity,
  RecordingEntity,
  RecordingPeaksEntity,
  RecordingTranscriptEntity,
  RecordingAccessEntity,
  NumberSearchEntity,
  ChecklistVersionEntity,
  EvaluationEntity,
  EvaluationItemEntity,
  EvaluationHistoryEntity,
  RecordingAutoCheckEntity,
  AutocheckRunEntity,
  AutoCheckDayEntity,
  AutoCheckMonthEntity,
  SamplingPlanEntity,
  SamplingRunEntity,
  SamplingAssignmentEntity,
  ProblemSettingsEntity,
  ProblemPlanEntity,
  ProblemDayEntity,
  ProblemMonthEntity,
  ScoreAgentDayEntity,
  ScoreTeamDayEntity,
  ScoreTeamMonthEntity,
  InspectorDayEntity,
  RectificationNoticeEntity,
  RectificationNoticeHistoryEntity,
  DefectEntity,
  CoachingItemEntity,
  CoachingSessionEntity,
  CoachingEventEntity,
  AnalysisReportEntity,
  AnalysisReportReadEntity,
  ExportRequestEntity,
  OperationalDayEntity,
  GradeTableEntity,
  GradingRequestEntity,
  ExamEntity,
  PromotionEntity,
  PromotionDecisionEntity,
  GradeChangeEntity,
  KpiSchemeEntity,
  KpiPartValueEntity,
  FaqEntryEntity,
  FaqVersionEntity,
  FaqSearchGenerationEntity,
  FaqProposalEntity,
  EvaluationAcknowledgementEntity,
  CalibrationSessionEntity,
  CalibrationCallEntity,
  CalibrationParticipantEntity,
  CalibrationGuidanceEntity,
  DisputeEntity,
  DisputeItemEntity,
  DisputeStepEntity,
  CallExampleEntity,
  SharingSessionEntity,
  SharingSessionExampleEntity,
  FaqEntryExampleEntity,
  RetentionPolicyEntity,
];
