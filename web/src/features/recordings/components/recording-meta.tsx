import { Descriptions, type DescriptionsProps, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CallDirection } from '#shared/recordings';
import type { RecordingDetail } from '#web/api/recording';
import type { Team } from '#web/api/teams';
import { formatTime } from '#web/components/call-player';
import { channelsLabel, directionLabel } from './labels';
import { teamLabel } from './team-label';

/** Who took the call, when, which way, with whom, about what, and how long. */
export function RecordingMeta({ recording, teams }: { recording: RecordingDetail; teams?: readonly Team[] }) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [
    { key: 'agent', label: t('recordings.agent'), children: `${recording.agentName} (${recording.agent})` },
    { key: 'team', label: t('recordings.team'), children: `${teamLabel(recording.team, teams)} · ${recording.project}` },
    { key: 'startedAt', label: t('recordings.startedAt'), children: dayjs(recording.startedAt).format('YYYY-MM-DD HH:mm:ss') },
    {
      key: 'direction',
      label: t('recordings.direction'),
      children: <Tag color={recording.direction === CallDirection.Inbound ? 'blue' : 'purple'}>{directionLabel(recording.direction, t)}</Tag>,
    },
    { key: 'customerNumber', label: t('recordings.customerNumber'), children: <span data-testid="recording-customer">{recording.customerNumber ?? '—'}</span> },
    { key: 'businessType', label: t('recordings.businessType'), children: recording.businessType ?? '—' },
    { key: 'duration', label: t('recordings.duration'), children: formatTime(recording.duration) },
    { key: 'channels', label: t('recordings.channels'), children: channelsLabel(recording.channels, t) },
    { key: 'externalId', label: t('recordings.externalId'), children: recording.externalId },
  ];
  return <Descriptions data-testid="recording-meta" size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />;
}
