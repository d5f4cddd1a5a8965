import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RectificationStatus } from '../api/notices';

const COLORS: Record<RectificationStatus, string> = { issued: 'orange', acknowledged: 'blue', 're-checking': 'processing', closed: 'green', escalated: 'red' };

export function NoticeStatusTag({ status, testId }: { status: RectificationStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid={testId} data-status={status}>
      {t(`rectification.statuses.${status}`)}
    </Tag>
  );
}
