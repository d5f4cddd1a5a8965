import { Flex, Statistic, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  score: number;
  fatal: boolean;
  /** Live (while scoring): how many items are scored of how many. */
  scored?: number;
  total?: number;
  /** The server's score of a submitted evaluation. */
  final: boolean;
}

/** The score at the top of the form: live while scoring (shared rule), the server's once submitted. */
export function ScorePanel({ score, fatal, scored, total, final }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colour = fatal ? token.colorError : score >= 90 ? token.colorSuccess : score >= 75 ? token.colorText : token.colorWarning;
  return (
    <Flex align="center" gap={12}>
      <Statistic
        data-testid="live-score"
        data-score={score}
        data-fatal={fatal ? 'true' : 'false'}
        data-final={final ? 'true' : 'false'}
        title={final ? t('workspace.finalScore') : t('workspace.liveScore')}
        value={score}
        precision={1}
        suffix={t('workspace.scoreUnit')}
        styles={{ content: { color: colour, fontVariantNumeric: 'tabular-nums' }, title: { marginBottom: 0 } }}
      />
      <Flex vertical gap={4} align="start">
        {fatal && (
          <Tag color="red" variant="solid" data-testid="score-fatal" style={{ marginInlineEnd: 0 }}>
            {t('workspace.fatal')}
          </Tag>
        )}
        {scored !== undefined && total !== undefined && (
          <Typography.Text type={scored === total ? 'success' : 'secondary'} data-testid="scored-count">
            {t('workspace.scoredCount', { scored, total })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
