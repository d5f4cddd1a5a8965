import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalibrationStatus } from '#shared/api/calibration';

/** Open (blind) or revealed. */
export function StatusTag({ status }: { status: CalibrationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'revealed' ? 'green' : 'gold'} data-testid="calibration-status">
      {t(`calibration.statuses.${status}`)}
    </Tag>
  );
}
