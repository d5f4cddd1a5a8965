import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Score points away from the other inspectors' mean beyond which an inspector is called strict or lenient. */
export const LENIENCY_POINTS = 5;

/** 「+3.2」 or 「−7.5 偏严」: points away from the other inspectors, tagged beyond LENIENCY_POINTS. */
export function Deviation({ value, testId }: { value: number | null; testId?: string }) {
  const { t } = useTranslation();
  if (value === null) return <>—</>;
  return (
    <span data-testid={testId} data-value={value}>
      {`${value >= 0 ? '+' : ''}${value.toFixed(1)}`} {value <= -LENIENCY_POINTS && <Tag color="blue">{t('dashboard.strict')}</Tag>}
      {value >= LENIENCY_POINTS && <Tag color="orange">{t('dashboard.lenient')}</Tag>}
    </span>
  );
}
