import type { EvaluationSource } from '../../../../../shared/src/checklists/types';

export type Verdict = 'pass' | 'fail' | 'na';

/** One checklist item of an evaluation as the server answers it. */
export interface EvaluationItem {
  code: string;
  title: string;
  verdict: Verdict | null;
  points: number;
  earned: number | null;
  critical: boolean;
  comment: string | null;
  /** Seconds: where the defect is in the call. */
  at: number | null;
  until: number | null;
  /** The machine's verdict, when a rule scored this item. */
  autoVerdict: Verdict | null;
}

/** An evaluation (a draft or a submitted one): `server/src/evaluations/evaluation.dto.ts`. */
export interface Evaluation {
  id: string;
  recordingId: string;
  agent: string;
  agentName: string;
  team: string;
  inspector: string;
  inspectorName: string;
  source: EvaluationSource;
  status: 'draft' | 'submitted';
  revision: number;
  checklistVersion: number;
  checklistVersionId: string;
  score: number | null;
  fatal: boolean | null;
  comment: string | null;
  createdAt: string;
  submittedAt: string | null;
  items: EvaluationItem[];
}
