import { Button, Empty, Flex, Tag, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Evidence, RuleResult } from '#shared/rules/types';
import { formatTime } from '#web/components/call-player';
import { verdictColor, verdictLabel } from './labels';

/** One chip per evidence: its time and what was said; clicking it takes the player there. */
function EvidenceChip({ evidence, onSeek }: { evidence: Evidence; onSeek: (seconds: number) => void }) {
  const { t } = useTranslation();
  const said = evidence.text || evidence.matched;
  const label = `${formatTime(evidence.start)}${evidence.end > evidence.start ? `–${formatTime(evidence.end)}` : ''}`;
  const what = said ? `${said}${evidence.matched && evidence.matched !== said ? ` (${evidence.matched})` : ''}` : t('recordings.jumpTo');
  return (
    <Tooltip title={evidence.outsideWindow ? `${what} · ${t('recordings.outsideWindow')}` : what}>
      <Button
        size="small"
        type="dashed"
        data-testid="autocheck-evidence"
        data-start={evidence.start}
        data-outside-window={evidence.outsideWindow ? 'true' : undefined}
        onClick={() => onSeek(evidence.start)}
        style={{ maxWidth: 260, fontVariantNumeric: 'tabular-nums' }}
      >
        <Typography.Text ellipsis style={{ maxWidth: 230 }}>
          {label}
          {said ? ` · ${said}` : ''}
        </Typography.Text>
      </Button>
    </Tooltip>
  );
}

/** The machine's verdicts, one compact row per rule: verdict, rule, and the moments it is based on. */
export function AutoCheckList({ results, titles, onSeek }: { results: readonly RuleResult[]; titles?: Record<string, string>; onSeek: (seconds: number) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (!results.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recordings.noAutoChecks')} />;
  return (
    <Flex vertical gap={0} data-testid="autocheck-list">
      {results.map((result) => (
        <Flex
          key={result.code}
          data-testid="autocheck-item"
          data-code={result.code}
          data-verdict={result.verdict}
          gap={8}
          align="baseline"
          wrap
          style={{ padding: '6px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Tag color={verdictColor(result.verdict)} style={{ minWidth: 56, textAlign: 'center', marginInlineEnd: 0 }}>
            {verdictLabel(result.verdict, t)}
          </Tag>
          <Typography.Text strong={result.verdict === 'fail'} style={{ minWidth: 120 }}>
            {titles?.[result.code] ?? result.code}
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: token.fontSizeSM }}>
              {result.code}
            </Typography.Text>
          </Typography.Text>
          <Flex gap={4} wrap style={{ flex: 1 }}>
            {result.evidence.map((evidence, i) => (
              <EvidenceChip key={i} evidence={evidence} onSeek={onSeek} />
            ))}
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
}
