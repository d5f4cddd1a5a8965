import { Empty, Flex, Tag, Typography, theme } from 'antd';
import { memo, type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptSegment } from '#shared/recordings';
import { formatTime } from './format-time';

/** Characters of one line to mark, e.g. the phrase an automatic check found. */
export interface TranscriptHighlight {
  /** Index in `segments`. */
  segment: number;
  /** [charStart, charEnd) of the segment's text; both omitted: the whole line. */
  charStart?: number;
  charEnd?: number;
  /** CSS colour of the mark's background. */
  color?: string;
  /** Shown on hover (the rule's name, say). */
  title?: string;
}

export interface TranscriptProps {
  segments: readonly TranscriptSegment[];
  /** The playback position in seconds: the line being spoken is highlighted and kept in view. */
  currentTime: number;
  /** A line was clicked (or chosen with Enter): typically seek to `segment.start` and play. */
  onLineClick?: (segment: TranscriptSegment, index: number) => void;
  highlights?: readonly TranscriptHighlight[];
  /** The list scrolls within this height (pixels or CSS). */
  height?: number | string;
  /**
   * Optional controls at the end of each line (e.g. "mark a problem here"); clicks and keys in them
   * do not reach `onLineClick`. Keep the function stable (useCallback): lines re-render when it changes.
   */
  lineActions?: (segment: TranscriptSegment, index: number) => ReactNode;
}

/** Within this many seconds of a line's start counts as being on it (a seek lands a hair early). */
const EARLY = 0.05;

/** The line being spoken: the last one that has started (lines may overlap when people interrupt). */
export function currentSegmentIndex(segments: readonly TranscriptSegment[], time: number): number {
  let current = -1;
  for (let i = 0; i < segments.length; i++) {
    if (segments[i].start <= time + EARLY && (current < 0 || segments[i].start >= segments[current].start)) current = i;
  }
  return current;
}

/** The text with its highlighted stretches wrapped in <mark>. */
function markedText(text: string, marks: readonly TranscriptHighlight[]): ReactNode {
  if (!marks.length) return text;
  const spans = marks
    .map((m) => ({ from: Math.max(0, m.charStart ?? 0), to: Math.min(text.length, m.charEnd ?? text.length), color: m.color, title: m.title }))
    .filter((m) => m.to > m.from)
    .sort((a, b) => a.from - b.from);
  const parts: ReactNode[] = [];
  let at = 0;
  spans.forEach((span, i) => {
    const from = Math.max(span.from, at);
    if (from >= span.to) return;
    if (from > at) parts.push(text.slice(at, from));
    parts.push(
      <mark
        key={i}
        data-testid="transcript-highlight"
        title={span.title}
        style={{ background: span.color ?? 'rgba(255, 77, 79, 0.25)', padding: '0 1px', borderRadius: 2 }}
      >
        {text.slice(from, span.to)}
      </mark>,
    );
    at = span.to;
  });
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

interface LineProps {
  segment: TranscriptSegment;
  index: number;
  current: boolean;
  marks: readonly TranscriptHighlight[];
  speakerLabel: string;
  onClick?: (segment: TranscriptSegment, index: number) => void;
  actions?: (segment: TranscriptSegment, index: number) => ReactNode;
}

const Line = memo(function Line({ segment, index, current, marks, speakerLabel, onClick, actions }: LineProps) {
  const { token } = theme.useToken();
  const agent = segment.speaker === 'agent';
  return (
    <div
      role="button"
      tabIndex={0}
      data-testid="transcript-line"
      data-index={index}
      data-start={segment.start}
      data-current={current ? 'true' : undefined}
      onClick={() => onClick?.(segment, index)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onClick?.(segment, index);
      }}
      style={{
        display: 'flex',
        gap: 8,
        padding: '6px 8px',
        borderRadius: token.borderRadius,
        cursor: onClick ? 'pointer' : 'default',
        background: current ? token.colorPrimaryBg : undefined,
        borderInlineStart: `3px solid ${current ? token.colorPrimary : 'transparent'}`,
        transition: 'background-color 0.15s',
      }}
    >
      <Flex vertical align="center" gap={2} style={{ flex: 'none', width: 52 }}>
        <Tag color={agent ? 'blue' : 'green'} style={{ marginInlineEnd: 0 }}>
          {speakerLabel}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: token.fontSizeSM, fontVariantNumeric: 'tabular-nums' }}>
          {formatTime(segment.start)}
        </Typography.Text>
      </Flex>
      <Typography.Text style={{ flex: 1, lineHeight: 1.7 }}>{markedText(segment.text, marks)}</Typography.Text>
      {actions && (
        <span style={{ flex: 'none' }} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Enter' && e.stopPropagation()}>
          {actions(segment, index)}
        </span>
      )}
    </div>
  );
});

const NO_MARKS: readonly TranscriptHighlight[] = [];

/** What was said, line by line with speaker and time, following the playback. */
export function Transcript({ segments, currentTime, onLineClick, highlights, height = 480, lineActions }: TranscriptProps) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const current = currentSegmentIndex(segments, currentTime);

  const marksBySegment = useMemo(() => {
    const map = new Map<number, TranscriptHighlight[]>();
    for (const h of highlights ?? []) map.set(h.segment, [...(map.get(h.segment) ?? []), h]);
    return map;
  }, [highlights]);

  // Keep the current line in view, scrolling the list only (never the page).
  useEffect(() => {
    const list = listRef.current;
    if (!list || current < 0) return;
    const line = list.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (!line) return;
    // The list is positioned, so a line's offsetTop is measured from the list's top.
    const top = line.offsetTop;
    const bottom = top + line.offsetHeight;
    if (top < list.scrollTop || bottom > list.scrollTop + list.clientHeight) {
      list.scrollTo({ top: Math.max(0, top - list.clientHeight / 3), behavior: 'smooth' });
    }
  }, [current]);

  if (!segments.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('player.noTranscript')} />;

  const agent = t('player.agent');
  const customer = t('player.customer');
  return (
    <div ref={listRef} data-testid="transcript" style={{ maxHeight: height, overflowY: 'auto', position: 'relative' }}>
      {segments.map((segment, index) => (
        <Line
          key={index}
          segment={segment}
          index={index}
          current={index === current}
          marks={marksBySegment.get(index) ?? NO_MARKS}
          speakerLabel={segment.speaker === 'agent' ? agent : customer}
          onClick={onLineClick}
          actions={lineActions}
        />
      ))}
    </div>
  );
}
