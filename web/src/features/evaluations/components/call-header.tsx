import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EVALUATION_SOURCES, type EvaluationSource } from '#shared/checklists/types';
import type { RecordingDetail } from '#web/api/recording';
import { formatTime } from '#web/components/call-player';
import { paths } from '#web/config/paths';

const isSource = (s: string): s is EvaluationSource => (EVALUATION_SOURCES as readonly string[]).includes(s);

/** One line over the workspace: which call, whose, when, why it is scored; the page's actions on the right. */
export function CallHeader({ call, source, status, actions }: { call: RecordingDetail | undefined; source: string; status: 'draft' | 'submitted'; actions: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Flex align="center" justify="space-between" gap={12} wrap={false} style={{ flex: 'none', minWidth: 0 }}>
      <Flex align="center" gap={8} style={{ minWidth: 0, overflow: 'hidden', whiteSpace: 'nowrap' }}>
        <Typography.Title level={4} style={{ margin: 0, flex: 'none' }}>
          {t('workspace.title')}
        </Typography.Title>
        {call && (
          <>
            <Typography.Text type="secondary" copyable={{ text: call.externalId }} data-testid="call-external-id">
              {call.externalId}
            </Typography.Text>
            <Link to={paths.agent.getHref(call.agent)} data-testid="call-agent">
              {call.agentName} ({call.agent})
            </Link>
            <Typography.Text type="secondary">{call.team}</Typography.Text>
            <Typography.Text type="secondary">
              {new Date(call.startedAt).toLocaleString(i18n.resolvedLanguage, { dateStyle: 'short', timeStyle: 'short' })}
            </Typography.Text>
            <Typography.Text type="secondary">{formatTime(call.duration)}</Typography.Text>
          </>
        )}
        <Tag color="blue" style={{ marginInlineEnd: 0 }} data-testid="evaluation-source">
          {isSource(source) ? t(`workspace.sources.${source}`) : source}
        </Tag>
        <Tag color={status === 'submitted' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="evaluation-status" data-status={status}>
          {status === 'submitted' ? t('workspace.statusSubmitted') : t('workspace.statusDraft')}
        </Tag>
      </Flex>
      <Flex gap={8} style={{ flex: 'none' }}>
        {actions}
      </Flex>
    </Flex>
  );
}
