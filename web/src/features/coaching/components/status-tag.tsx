import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoachingStatus } from '../api/coaching-items';

const COLORS: Record<CoachingStatus, string> = { open: 'orange', coached: 'green', improved: 'cyan', resolved: 'default' };

/** The item's status; an open item the effect check reopened says "reopened". */
export function CoachingStatusTag({ status, reopened = false }: { status: CoachingStatus; reopened?: boolean }) {
  const { t } = useTranslation();
  if (status === 'open' && reopened)
    return (
      <Tag color="red" data-testid="coaching-reopened">
        {t('coaching.reopened')}
      </Tag>
    );
  return <Tag color={COLORS[status]}>{t(`coaching.statuses.${status}`)}</Tag>;
}
