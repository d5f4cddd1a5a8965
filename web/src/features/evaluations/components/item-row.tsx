import { Button, Flex, Input, Tag, Tooltip, Typography, theme } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '#shared/rules/types';
import { formatTime } from '#web/components/call-player';
import type { Verdict } from '../api/types';
import { AutoTag } from './auto-tag';
import type { FormItem, ItemState } from './form-model';
import { VerdictButtons } from './verdict-buttons';

export interface ItemRowProps {
  item: FormItem;
  state: ItemState;
  selected: boolean;
  editable: boolean;
  evidence: Evidence | undefined;
  onSelect(code: string): void;
  onVerdict(code: string, verdict: Verdict): void;
  onComment(code: string, comment: string): void;
  onClearDefect(code: string): void;
  onSeek(seconds: number): void;
  /** Offered on a failed item: the answer was wrong or missing, propose an FAQ change from it. */
  onProposeFaq?(code: string): void;
}

const VERDICT_COLOR = { pass: 'success', fail: 'error', na: 'default' } as const;

/** One checklist item: what it is, the verdict, the machine's suggestion, the defect's time and a comment. */
export const ItemRow = memo(function ItemRow({
  item,
  state,
  selected,
  editable,
  evidence,
  onSelect,
  onVerdict,
  onComment,
  onClearDefect,
  onSeek,
  onProposeFaq,
}: ItemRowProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const failed = state.verdict === 'fail';
  const showComment = editable ? selected || failed || !!state.comment : !!state.comment;
  const range = state.at !== null ? `${formatTime(state.at)}${state.until !== null && state.until > state.at ? `–${formatTime(state.until)}` : ''}` : null;

  return (
    <div
      data-testid={`item-${item.code}`}
      data-verdict={state.verdict ?? ''}
      data-selected={selected ? 'true' : undefined}
      onClick={() => onSelect(item.code)}
      style={{
        padding: '8px 10px',
        borderRadius: token.borderRadius,
        borderInlineStart: `3px solid ${selected ? token.colorPrimary : failed ? token.colorErrorBorder : 'transparent'}`,
        background: selected ? token.colorPrimaryBg : failed ? token.colorErrorBg : undefined,
        cursor: 'pointer',
        transition: 'background-color 0.15s',
      }}
    >
      <Flex align="center" gap={8}>
        <Typography.Text type="secondary" style={{ flex: 'none', width: 72, fontSize: 12, fontFamily: token.fontFamilyCode }}>
          {item.code}
        </Typography.Text>
        <Tooltip title={item.guidance} placement="left" mouseEnterDelay={0.3}>
          <Typography.Text style={{ flex: 1, minWidth: 0 }} ellipsis>
            {item.title}
          </Typography.Text>
        </Tooltip>
        {item.critical && (
          <Tag color="red" data-testid={`item-${item.code}-critical`} style={{ marginInlineEnd: 0 }}>
            {t('workspace.critical')}
          </Tag>
        )}
        <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12, width: 36, textAlign: 'right' }}>
          {t('workspace.points', { points: item.points })}
        </Typography.Text>
        {editable ? (
          <VerdictButtons code={item.code} value={state.verdict} allowNa={item.allowNa} disabled={false} onChange={onVerdict} />
        ) : (
          <Flex justify="end" style={{ flex: 'none', width: 172 }}>
            <Tag color={state.verdict ? VERDICT_COLOR[state.verdict] : 'default'} style={{ marginInlineEnd: 0, minWidth: 56, textAlign: 'center' }}>
              {state.verdict ? t(`workspace.verdicts.${state.verdict}`) : '—'}
            </Tag>
          </Flex>
        )}
      </Flex>
      {item.scoringNote && (
        <Typography.Paragraph
          type="secondary"
          data-testid={`item-${item.code}-scoring-note`}
          style={{ margin: '4px 0 0', paddingInlineStart: 80, fontSize: 12 }}
          ellipsis={{ rows: 2, tooltip: item.scoringNote }}
        >
          {t('workspace.scoringNote', { note: item.scoringNote })}
        </Typography.Paragraph>
      )}
      {(item.autoVerdict || range) && (
        <Flex align="center" gap={12} wrap style={{ marginTop: 4, paddingInlineStart: 80 }}>
          <AutoTag code={item.code} auto={item.autoVerdict} evidence={evidence} window={item.window} verdict={state.verdict} onSeek={onSeek} />
          {range && (
            <Flex align="center" gap={2} data-testid={`item-${item.code}-defect`}>
              <Typography.Text type={failed ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                {t('workspace.defectAt')}
              </Typography.Text>
              <Tooltip title={t('workspace.jump')}>
                <Button
                  size="small"
                  type="link"
                  data-testid={`item-${item.code}-seek`}
                  style={{ paddingInline: 4, fontVariantNumeric: 'tabular-nums' }}
                  onClick={(e) => {
                    e.stopPropagation();
                    onSeek(state.at ?? 0);
                  }}
                >
                  ▸ {range}
                </Button>
              </Tooltip>
              {editable && (
                <Tooltip title={t('workspace.clearDefect')}>
                  <Button
                    size="small"
                    type="text"
                    aria-label={t('workspace.clearDefect')}
                    onClick={(e) => {
                      e.stopPropagation();
                      onClearDefect(item.code);
                    }}
                  >
                    ×
                  </Button>
                </Tooltip>
              )}
            </Flex>
          )}
        </Flex>
      )}
      {failed && onProposeFaq && (
        <Flex style={{ marginTop: 4, paddingInlineStart: 80 }}>
          <Button
            size="small"
            type="link"
            style={{ paddingInline: 0 }}
            data-testid={`item-${item.code}-propose-faq`}
            onClick={(e) => {
              e.stopPropagation();
              onProposeFaq(item.code);
            }}
          >
            {t('workspace.proposeFaq')}
          </Button>
        </Flex>
      )}
      {showComment &&
        (editable ? (
          <Input.TextArea
            data-testid={`item-${item.code}-comment`}
            value={state.comment}
            placeholder={failed ? t('workspace.commentFailPlaceholder') : t('workspace.commentPlaceholder')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            onChange={(e) => onComment(item.code, e.target.value)}
            onClick={(e) => e.stopPropagation()}
            onFocus={() => onSelect(item.code)}
            onKeyDown={(e) => {
              // Esc leaves the field so that the shortcuts work again.
              if (e.key === 'Escape') (e.target as HTMLTextAreaElement).blur();
            }}
            style={{ marginTop: 6, marginInlineStart: 80, width: 'calc(100% - 80px)' }}
          />
        ) : (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 80px', whiteSpace: 'pre-wrap' }}>
            {state.comment}
          </Typography.Paragraph>
        ))}
    </div>
  );
});
