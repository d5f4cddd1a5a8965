import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '#web/lib/errors';
import type { SaveStatus as Status } from './use-autosave';

const time = (d: Date) => d.toLocaleTimeString('en-GB', { hour12: false });

/** "已保存 10:02:03" / "保存中…": the draft saves itself, so this is all the inspector needs to see. */
export function SaveStatus({ status, savedAt, error }: { status: Status; savedAt: Date | null; error: unknown }) {
  const { t } = useTranslation();
  const text =
    status === 'saving' || status === 'pending'
      ? t('workspace.saving')
      : status === 'error'
        ? t('workspace.saveFailed')
        : status === 'conflict' || status === 'locked'
          ? t('workspace.notSaved')
          : savedAt
            ? t('workspace.savedAt', { time: time(savedAt) })
            : t('workspace.draftAutosaves');
  return (
    <Tooltip title={status === 'error' ? errorMessage(error, t) : undefined}>
      <Typography.Text
        data-testid="save-status"
        data-status={status}
        type={status === 'error' || status === 'conflict' || status === 'locked' ? 'danger' : 'secondary'}
        style={{ fontSize: 12, whiteSpace: 'nowrap' }}
      >
        {text}
      </Typography.Text>
    </Tooltip>
  );
}
