import { Button, Popover } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptSegment } from '#shared/recordings';
import { DefectForm } from './defect-form';
import type { FormItem } from './form-model';

interface Props {
  segment: TranscriptSegment;
  index: number;
  items: readonly FormItem[];
  defaultCode: string | null;
  onMark(code: string, start: number, end: number, note: string): void;
}

/** "标记问题" on a transcript line: the line's times become the chosen item's defect. */
export function MarkLineButton({ segment, index, items, defaultCode, onMark }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="left"
      destroyOnHidden
      content={
        <DefectForm
          range={{ start: segment.start, end: segment.end }}
          items={items}
          defaultCode={defaultCode}
          onCancel={() => setOpen(false)}
          onConfirm={(code, note) => {
            setOpen(false);
            onMark(code, segment.start, segment.end, note);
          }}
        />
      }
    >
      <Button size="small" type="text" danger className={`ws-line-action${open ? ' ws-open' : ''}`} data-testid="mark-line" data-index={index}>
        {t('workspace.markProblem')}
      </Button>
    </Popover>
  );
}
