import { Button, Flex, Input, type InputRef, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '#web/components/call-player';
import type { FormItem } from './form-model';

export interface DefectDraft {
  start: number;
  end: number;
}

interface Props {
  range: DefectDraft;
  items: readonly FormItem[];
  defaultCode: string | null;
  onConfirm(code: string, note: string): void;
  onCancel(): void;
}

/** What a marked stretch of the call is: which item it fails, and a note. Enter confirms, Esc cancels. */
export function DefectForm({ range, items, defaultCode, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(defaultCode);
  const [note, setNote] = useState('');
  const noteRef = useRef<InputRef>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  // Focus the note once the popover is in place, unless the user already went to the item's field.
  useEffect(() => {
    const id = setTimeout(() => {
      if (!boxRef.current?.contains(document.activeElement)) noteRef.current?.focus();
    }, 50);
    return () => clearTimeout(id);
  }, []);
  /** Leaves the fields first: the popover fades out, and the shortcuts must work again at once. */
  const leave = () => {
    if (document.activeElement instanceof HTMLElement && boxRef.current?.contains(document.activeElement)) document.activeElement.blur();
  };
  const confirm = () => {
    if (!code) return;
    leave();
    onConfirm(code, note.trim());
  };
  const cancel = () => {
    leave();
    onCancel();
  };
  return (
    <Flex ref={boxRef} vertical gap={8} style={{ width: 320 }} data-testid="defect-form" onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('workspace.markRange', { from: formatTime(range.start), to: formatTime(range.end) })}
      </Typography.Text>
      <Select
        data-testid="defect-item"
        showSearch={{ optionFilterProp: 'label' }}
        value={code ?? undefined}
        placeholder={t('workspace.chooseItem')}
        onChange={setCode}
        options={items.map((i) => ({ value: i.code, label: `${i.code} ${i.title}` }))}
        style={{ width: '100%' }}
        popupMatchSelectWidth={false}
      />
      <Input
        ref={noteRef}
        data-testid="defect-note"
        value={note}
        maxLength={500}
        placeholder={t('workspace.notePlaceholder')}
        onChange={(e) => setNote(e.target.value)}
        onPressEnter={confirm}
      />
      <Flex justify="end" gap={8}>
        <Button size="small" autoInsertSpace={false} onClick={cancel} data-testid="defect-cancel">
          {t('common.cancel')}
        </Button>
        <Button size="small" type="primary" danger disabled={!code} onClick={confirm} data-testid="defect-confirm">
          {t('workspace.markAsFail')}
        </Button>
      </Flex>
    </Flex>
  );
}
