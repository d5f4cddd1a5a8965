import { Button, Popconfirm } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';

interface ActiveToggleProps {
  active: boolean;
  /** The question asked before deactivating; reactivating asks nothing. */
  confirm: string;
  onChange: (active: boolean) => void;
  loading?: boolean;
  labels?: { deactivate: string; reactivate: string };
  testIds?: { deactivate: string; reactivate: string };
}

/** 停用 (after a confirmation) or 启用, as a row action. */
export function ActiveToggle({ active, confirm, onChange, loading, labels, testIds }: ActiveToggleProps) {
  const { t } = useTranslation();
  if (!active) {
    return (
      <Button size="small" type="link" loading={loading} data-testid={testIds?.reactivate ?? 'reactivate'} onClick={() => onChange(true)}>
        {labels?.reactivate ?? t('common.reactivate')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={confirm}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'confirm-ok' } as ButtonProps}
      onConfirm={() => onChange(false)}
    >
      <Button size="small" type="link" danger loading={loading} data-testid={testIds?.deactivate ?? 'deactivate'}>
        {labels?.deactivate ?? t('common.deactivate')}
      </Button>
    </Popconfirm>
  );
}
