import type { RuleConfig, RuleDefinition } from '../rules/types.js';

/** One line of the service standard an inspector scores. */
export interface ChecklistItem {
  code: string;
  title: string;
  /** What the inspector listens for. */
  guidance?: string;
  /**
   * How to score it where inspectors disagreed: a calibration session's outcome (issue 15), written
   * into the next draft and shown beside the item in the workspace.
   */
  scoringNote?: string;
  points: number;
  /** Failing it makes the whole evaluation fatal (score 0). */
  critical: boolean;
  allowNa: boolean;
  /**
   * About what the agent must know (professional knowledge, answers to the point): when it fails as a
   * common problem, the FAQ maintainers' inbox suggests a gap in the FAQ.
   */
  knowledge?: boolean;
  /** An automatic check that pre-scores the item from the transcript. */
  rule?: RuleConfig;
}

export interface ChecklistSection {
  title: string;
  items: ChecklistItem[];
}

/** Why an evaluation was made and by whom (DOMAIN.md workflow 2). */
export const EVALUATION_SOURCES = ['daily', 'spot-check', 'trainer', 'manager', 'complaint', 'calibration'] as const;
export type EvaluationSource = (typeof EVALUATION_SOURCES)[number];

export const itemsOf = (sections: readonly ChecklistSection[]): ChecklistItem[] => sections.flatMap((s) => s.items);

/** The automatic rules a checklist version carries, for the rule engine. */
export const rulesOf = (sections: readonly ChecklistSection[]): RuleDefinition[] =>
  itemsOf(sections).flatMap((item) => (item.rule ? [{ code: item.code, rule: item.rule }] : []));
