import { Statistic, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAgentConfidence } from '../api/confidence';

/**
 * How sure the agent's sampled mean is: only randomly drawn calls count (guided picks hunt for
 * failures), with the 95 % interval and a warning when it is too wide to grade the agent on.
 */
export function SampleConfidence({ team, agent, from, to }: { team?: string; agent: string; from: string; to: string }) {
  const { t } = useTranslation();
  const confidence = useAgentConfidence({ team, agent, from, to });
  const row = confidence.data?.row;
  const interval = row?.low != null && row.high != null ? `${row.low}–${row.high}` : '—';
  return (
    <div data-testid="agent-confidence">
      <Statistic
        title={<Tooltip title={t('agentPage.confidenceHelp')}>{t('agentPage.confidence')}</Tooltip>}
        value={row?.mean ?? '—'}
        loading={confidence.isPending && !!team}
        suffix={row && <span style={{ fontSize: 13 }}>{t('agentPage.confidenceRange', { range: interval, n: row.n })}</span>}
      />
      {row?.tooWide && (
        <Tag color="orange" data-testid="agent-confidence-too-wide">
          {t('agentPage.confidenceTooWide', { max: confidence.data?.maxHalfWidth })}
        </Tag>
      )}
    </div>
  );
}
