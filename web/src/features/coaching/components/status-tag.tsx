import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CoachingStatus } from '../api/coaching-items';

const COLORS: Record<CoachingStatus, string> = { open: 'orange', coached: 'green', resolved: 'default' };

export function CoachingStatusTag({ status }: { status: CoachingStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`coaching.statuses.${status}`)}</Tag>;
}
