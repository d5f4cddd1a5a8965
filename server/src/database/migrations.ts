import { BlindEvaluations1796683730674 } from '#server/migrations/1796683730674-BlindEvaluations.js';
import { Calibration1796683768058 } from '#server/migrations/1796683768058-Calibration.js';
import { TrainerRole1796685390593 } from '#server/migrations/1796685390593-TrainerRole.js';
import { GradeTableHistory1796684324351 } from '#server/migrations/1796684324351-GradeTableHistory.js';
import { KpiSchemes1796683861891 } from '#server/migrations/1796683861891-KpiSchemes.js';
import { Retention1796683830717 } from '#server/migrations/1796683830717-Retention.js';
import { FaqSearchGeneration1796650206993 } from '#server/migrations/1796650206993-FaqSearchGeneration.js';
import { Examples1796649784024 } from '#server/migrations/1796649784024-Examples.js';
import { Disputes1796609900173 } from '#server/migrations/1796609900173-Disputes.js';
import { KpiPromotions1796596232062 } from '#server/migrations/1796596232062-KpiPromotions.js';
import { KpiGradingRequests1796594804928 } from '#server/migrations/1796594804928-KpiGradingRequests.js';
import { Kpi1796594128465 } from '#server/migrations/1796594128465-Kpi.js';
import { DashboardMonths1796595273955 } from '#server/migrations/1796595273955-DashboardMonths.js';
import { DashboardRollups1796593531739 } from '#server/migrations/1796593531739-DashboardRollups.js';
import { FaqTrigramKeys1796597731145 } from '#server/migrations/1796597731145-FaqTrigramKeys.js';
import { Faq1796594128471 } from '#server/migrations/1796594128471-Faq.js';
import type { MigrationInterface } from 'typeorm';
import { Init1795806584708 } from '#server/migrations/1795806584708-Init.js';
import { Recordings1795806904216 } from '#server/migrations/1795806904216-Recordings.js';
import { ChecklistsEvaluations1795807441654 } from '#server/migrations/1795807441654-ChecklistsEvaluations.js';
import { Autocheck1795807641821 } from '#server/migrations/1795807641821-Autocheck.js';
import { Sampling1795808214944 } from '#server/migrations/1795808214944-Sampling.js';
import { EvaluationCallDate1795808665035 } from '#server/migrations/1795808665035-EvaluationCallDate.js';
import { Coaching1796007131035 } from '#server/migrations/1796007131035-Coaching.js';
import { Rectification1796007177039 } from '#server/migrations/1796007177039-Rectification.js';
import { ProblemsReport1796007314987 } from '#server/migrations/1796007314987-ProblemsReport.js';
import { ProblemTotals1796011933516 } from '#server/migrations/1796011933516-ProblemTotals.js';
import { LoginAttempts1796012087864 } from '#server/migrations/1796012087864-LoginAttempts.js';
import { CoachingEffectCheck1796012226709 } from '#server/migrations/1796012226709-CoachingEffectCheck.js';
import { SamplingCoverage1796012552259 } from '#server/migrations/1796012552259-SamplingCoverage.js';
import { UsernameCaseInsensitive1796013600000 } from '#server/migrations/1796013600000-UsernameCaseInsensitive.js';
import { UserAllProjects1796013607714 } from '#server/migrations/1796013607714-UserAllProjects.js';
import { NumberSearches1796014071508 } from '#server/migrations/1796014071508-NumberSearches.js';
import { ExportRequests1796014920496 } from '#server/migrations/1796014920496-ExportRequests.js';
import { AnalysisReports1796593667784 } from '#server/migrations/1796593667784-AnalysisReports.js';

type MigrationClass = new () => MigrationInterface;
/** Every migration in order, listed explicitly: globs do not work under ESM (STACK.md trap 5). */
export const MIGRATIONS: MigrationClass[] = [
  Init1795806584708,
  Recordings1795806904216,
  ChecklistsEvaluations1795807441654,
  Autocheck1795807641821,
  Sampling1795808214944,
  EvaluationCallDate1795808665035,
  Coaching1796007131035,
  Rectification1796007177039,
  ProblemsReport1796007314987,
  ProblemTotals1796011933516,
  LoginAttempts1796012087864,
  CoachingEffectCheck1796012226709,
  SamplingCoverage1796012552259,
  UsernameCaseInsensitive1796013600000,
  UserAllProjects1796013607714,
  NumberSearches1796014071508,
  ExportRequests1796014920496,
  DashboardRollups1796593531739,
  AnalysisReports1796593667784,
  Kpi1796594128465,
  Faq1796594128471,
  KpiGradingRequests1796594804928,
  DashboardMonths1796595273955,
  KpiPromotions1796596232062,
  FaqTrigramKeys1796597731145,
  Disputes1796609900173,
  Examples1796649784024,
  FaqSearchGeneration1796650206993,
  BlindEvaluations1796683730674,
  Calibration1796683768058,
  Retention1796683830717,
  KpiSchemes1796683861891,
  GradeTableHistory1796684324351,
  TrainerRole1796685390593,
];
