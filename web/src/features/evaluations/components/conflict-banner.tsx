import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Someone saved this draft after it was opened here (another tab, or another inspector's session),
 * `stale`; or submitted it meanwhile, `locked`: saving stopped, nothing was overwritten. It stays
 * until the inspector reloads.
 */
export function ConflictBanner({ kind, unsaved, reloading, onReload }: { kind: 'stale' | 'locked'; unsaved: readonly string[]; reloading: boolean; onReload(): void }) {
  const { t } = useTranslation();
  return (
    <Alert
      data-testid={kind === 'locked' ? 'save-locked' : 'save-conflict'}
      type="error"
      showIcon
      closable={false}
      title={kind === 'locked' ? t('workspace.lockedTitle') : t('workspace.conflictTitle')}
      description={
        <>
          {kind === 'locked' ? t('workspace.lockedText') : t('workspace.conflictText')}
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
