import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Someone saved this draft after it was opened here (another tab, or another inspector's session):
 * saving stopped, nothing was overwritten. It stays until the inspector reloads.
 */
export function ConflictBanner({ unsaved, reloading, onReload }: { unsaved: readonly string[]; reloading: boolean; onReload(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      data-testid="save-conflict"
      type="error"
      showIcon
      closable={false}
      title={t('workspace.conflictTitle')}
      description={
        <>
          {t('workspace.conflictText')}
          {unsaved.length > 0 && (
            <>
              <br />
              {t('workspace.conflictUnsaved', { codes: unsaved.join(t('common.listSeparator')) })}
            </>
          )}
        </>
      }
      action={
        <Button type="primary" danger loading={reloading} onClick={onReload} data-testid="reload-draft">
          {t('workspace.reload')}
        </Button>
      }
    />
  );
}
