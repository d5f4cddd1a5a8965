import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FaqStatus } from '../api/faq-entries';

const COLORS: Record<FaqStatus, string> = { draft: 'default', in_review: 'orange', published: 'green', retired: 'red' };

export function FaqStatusTag({ status }: { status: FaqStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="faq-status">
      {t(`faq.statuses.${status}`)}
    </Tag>
  );
}
