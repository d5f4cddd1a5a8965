import { Input, Typography, theme } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '#shared/rules/types';
import type { Verdict } from '../api/types';
import type { FormItem, FormState } from './form-model';
import { ItemRow } from './item-row';

interface Props {
  sections: { title: string; items: FormItem[] }[];
  form: FormState;
  selected: string | null;
  editable: boolean;
  evidence: Map<string, Evidence | undefined>;
  onSelect(code: string): void;
  onVerdict(code: string, verdict: Verdict): void;
  onComment(code: string, comment: string): void;
  onClearDefect(code: string): void;
  onSeek(seconds: number): void;
  onOverall(comment: string): void;
  onProposeFaq?(code: string): void;
}

/** The checklist section by section; it scrolls by itself and keeps the selected item in view. */
export function ChecklistForm({ sections, form, selected, editable, evidence, onSelect, onVerdict, onComment, onClearDefect, onSeek, onOverall, onProposeFaq }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const listRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const list = listRef.current;
    if (!list || !selected) return;
    const row = list.querySelector<HTMLElement>(`[data-testid="item-${CSS.escape(selected)}"]`);
    if (!row) return;
    const top = row.offsetTop;
    const bottom = top + row.offsetHeight;
    if (top < list.scrollTop + 8) list.scrollTo({ top: Math.max(0, top - 40) });
    else if (bottom > list.scrollTop + list.clientHeight - 8) list.scrollTo({ top: bottom - list.clientHeight + 40 });
  }, [selected]);

  return (
    <div ref={listRef} data-testid="checklist-form" style={{ flex: 1, minHeight: 0, overflowY: 'auto', position: 'relative', paddingInlineEnd: 4 }}>
      {sections.map((section) => (
        <section key={section.title || '—'} style={{ marginBottom: 8 }}>
          {section.title && (
            <Typography.Text
              strong
              style={{
                display: 'block',
                position: 'sticky',
                top: 0,
                zIndex: 1,
                background: token.colorBgContainer,
                padding: '6px 10px',
                borderBottom: `1px solid ${token.colorBorderSecondary}`,
              }}
            >
              {section.title}
            </Typography.Text>
          )}
          {section.items.map((item) => (
            <ItemRow
              key={item.code}
              item={item}
              state={form.items[item.code]}
              selected={selected === item.code}
              editable={editable}
              evidence={evidence.get(item.code)}
              onSelect={onSelect}
              onVerdict={onVerdict}
              onComment={onComment}
              onClearDefect={onClearDefect}
              onSeek={onSeek}
              onProposeFaq={onProposeFaq}
            />
          ))}
        </section>
      ))}
      <div style={{ padding: '8px 10px' }}>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
          {t('workspace.overallComment')}
        </Typography.Text>
        {editable ? (
          <Input.TextArea
            data-testid="overall-comment"
            value={form.comment}
            onChange={(e) => onOverall(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            placeholder={t('workspace.overallPlaceholder')}
            onKeyDown={(e) => e.key === 'Escape' && (e.target as HTMLTextAreaElement).blur()}
          />
        ) : (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{form.comment || '—'}</Typography.Paragraph>
        )}
      </div>
    </div>
  );
}
