import { Button, Flex, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../api/types';

interface Props {
  code: string;
  value: Verdict | null;
  allowNa: boolean;
  disabled: boolean;
  onChange(code: string, verdict: Verdict): void;
}

/** Pass / fail / N-A for one item: buttons, not radios, so the arrow keys stay the workspace's. */
export function VerdictButtons({ code, value, allowNa, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const button = (verdict: Verdict, key: string) => {
    const on = value === verdict;
    return (
      <Tooltip title={t('workspace.keyHint', { key })} mouseEnterDelay={0.6}>
        <Button
          size="small"
          autoInsertSpace={false}
          data-testid={`item-${code}-${verdict}`}
          aria-pressed={on}
          disabled={disabled && !on}
          color={verdict === 'pass' ? 'green' : verdict === 'fail' ? 'danger' : 'default'}
          variant={on ? 'solid' : 'outlined'}
          onClick={(e) => {
            e.stopPropagation();
            onChange(code, verdict);
          }}
          style={{ minWidth: verdict === 'na' ? 44 : 56 }}
        >
          {t(`workspace.verdicts.${verdict}`)}
        </Button>
      </Tooltip>
    );
  };
  return (
    <Flex gap={4} justify="end" style={{ flex: 'none', width: 172 }}>
      {button('pass', '1')}
      {button('fail', '2')}
      {allowNa && button('na', '3')}
    </Flex>
  );
}
