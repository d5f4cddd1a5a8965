import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EVALUATION_SOURCES, type EvaluationSource } from '#shared/checklists/types';
import type { Verdict } from './types';

const SOURCE_COLOURS: Record<EvaluationSource, string> = {
  daily: 'blue',
  'spot-check': 'cyan',
  trainer: 'purple',
  manager: 'geekblue',
  complaint: 'volcano',
  calibration: 'gold',
};

const isSource = (source: string): source is EvaluationSource => (EVALUATION_SOURCES as readonly string[]).includes(source);

/** 日常抽检, 班长抽听, 培训师, 经理, 客诉, 校准: who listened and why. */
export const sourceLabel = (source: string, t: TFunction) => (isSource(source) ? t(`evaluations.sources.${source}`) : source);

export function SourceTag({ source }: { source: string }) {
  const { t } = useTranslation();
  return <Tag color={isSource(source) ? SOURCE_COLOURS[source] : undefined}>{sourceLabel(source, t)}</Tag>;
}

/** The score, red with a 致命 tag when a critical item failed. */
export function Score({ score, fatal }: { score: number | null; fatal: boolean | null }) {
  const { t } = useTranslation();
  if (score === null) return <>—</>;
  if (!fatal) return <span data-testid="evaluation-score">{score}</span>;
  return (
    <Space size={4} data-testid="evaluation-score">
      <Typography.Text type="danger" strong>
        {score}
      </Typography.Text>
      <Tag color="red" data-testid="evaluation-fatal">
        {t('evaluations.fatal')}
      </Tag>
    </Space>
  );
}

const VERDICT_COLOURS: Record<Verdict, string> = { pass: 'green', fail: 'red', na: 'default' };

export function VerdictTag({ verdict }: { verdict: Verdict | null }) {
  const { t } = useTranslation();
  if (!verdict) return <>—</>;
  return <Tag color={VERDICT_COLOURS[verdict]}>{t(`evaluations.verdicts.${verdict}`)}</Tag>;
}

/** 83 s → 1:23 */
export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
