import { Button, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const KEYS = [
  ['↑ / ↓ · k / j', 'workspace.keys.move'],
  ['1', 'workspace.keys.pass'],
  ['2', 'workspace.keys.fail'],
  ['3', 'workspace.keys.na'],
  ['A', 'workspace.keys.passRest'],
  ['Ctrl + Z', 'workspace.keys.undo'],
  ['Space', 'workspace.keys.play'],
  ['← / →', 'workspace.keys.skip'],
  ['Ctrl + Enter', 'workspace.keys.submit'],
  ['Ctrl + Shift + Enter', 'workspace.keys.submitNext'],
  ['N', 'workspace.keys.next'],
  ['?', 'workspace.keys.help'],
  ['Esc', 'workspace.keys.leaveField'],
] as const;

/** The shortcuts, behind a "?" button (and the ? key). */
export function KeyboardHelp({ open, onOpenChange }: { open: boolean; onOpenChange(open: boolean): void }) {
  const { t } = useTranslation();
  const content = (
    <table data-testid="keyboard-help" style={{ borderSpacing: '12px 4px', margin: '-4px -12px' }}>
      <tbody>
        {KEYS.map(([key, label]) => (
          <tr key={key}>
            <td style={{ whiteSpace: 'nowrap' }}>
              <Typography.Text keyboard>{key}</Typography.Text>
            </td>
            <td>{t(label)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Popover content={content} title={t('workspace.keys.title')} trigger="click" open={open} onOpenChange={onOpenChange} placement="bottomRight">
      <Button data-testid="keyboard-help-button" aria-label={t('workspace.keys.title')}>
        ? {t('workspace.keys.button')}
      </Button>
    </Popover>
  );
}
