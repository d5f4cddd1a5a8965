import type { TFunction } from 'i18next';
import { AGENT_GRADES, type AgentGrade } from '#shared/org';

/** 实习 / C / B / A */
export const gradeLabel = (grade: AgentGrade, t: TFunction) => t(`agents.grades.${grade}`);

export const gradeOptions = (t: TFunction) => AGENT_GRADES.map((grade) => ({ value: grade, label: gradeLabel(grade, t) }));
