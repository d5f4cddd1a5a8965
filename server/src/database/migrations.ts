import { UserAllProjects1796013607714 } from '#server/migrations/1796013607714-UserAllProjects.js';
import { SamplingCoverage1796012552259 } from '#server/migrations/1796012552259-SamplingCoverage.js';
import { Coaching1796007131035 } from '#server/migrations/1796007131035-Coaching.js';
import { Rectification1796007177039 } from '#server/migrations/1796007177039-Rectification.js';
import { ProblemsReport1796007314987 } from '#server/migrations/1796007314987-ProblemsReport.js';
import type { MigrationInterface } from 'typeorm';
import { EvaluationCallDate1795808665035 } from '#server/migrations/1795808665035-EvaluationCallDate.js';
import { Sampling1795808214944 } from '#server/migrations/1795808214944-Sampling.js';
import { Autocheck1795807641821 } from '#server/migrations/1795807641821-Autocheck.js';
import { ChecklistsEvaluations1795807441654 } from '#server/migrations/1795807441654-ChecklistsEvaluations.js';
import { Recordings1795806904216 } from '#server/migrations/1795806904216-Recordings.js';
import { Init1795806584708 } from '#server/migrations/1795806584708-Init.js';

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
  SamplingCoverage1796012552259,
  UserAllProjects1796013607714,
];
