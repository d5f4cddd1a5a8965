import { Card, Flex, Popover, Skeleton, Typography } from 'antd';
import { type ReactNode, type Ref, useCallback, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChannelLayout, type TranscriptSegment } from '#shared/recordings';
import type { RecordingDetail } from '#web/api/recording';
import {
  CallPlayer,
  type CallPlayerHandle,
  type PlayerRegion,
  recordingAudioUrl,
  Transcript,
  type TranscriptHighlight,
  type WaveformPeaks,
} from '#web/components/call-player';
import { AudioRemoved } from '#web/components/call-player/audio-removed';
import { LoadError } from '#web/components/errors/load-error';
import { playedShare } from './keyboard-flow';

const NO_SEGMENTS: TranscriptSegment[] = [];

/** Hover shows a transcript line's "标记问题" (keyboard focus and an open popover too). */
const LINE_ACTION_CSS = `
.ws-call-pane .ws-line-action { opacity: 0; transition: opacity .15s; }
.ws-call-pane [data-testid="transcript-line"]:hover .ws-line-action,
.ws-call-pane .ws-line-action:focus-visible,
.ws-call-pane .ws-line-action.ws-open { opacity: 1; }
`;

/** Where a dragged stretch sits over the waveform, to hang its popover there. */
export interface DraggedRange {
  start: number;
  end: number;
  /** Pixels from the pane's player box. */
  x: number;
  y: number;
}

export interface CallPaneHandle {
  seek(seconds: number): void;
}

interface Props {
  recordingId: string;
  call: RecordingDetail | undefined;
  peaks: { data?: WaveformPeaks; error: unknown; refetch(): void };
  regions: readonly PlayerRegion[];
  highlights: readonly TranscriptHighlight[];
  /** Marking defects is on (an editable draft). */
  marking: boolean;
  onDragged(range: DraggedRange): void;
  onRegionClick(region: PlayerRegion): void;
  /** Open while the inspector says what a dragged stretch is. */
  dragged: DraggedRange | null;
  draggedContent: ReactNode;
  onDraggedClose(): void;
  lineActions?: (segment: TranscriptSegment, index: number) => ReactNode;
  defects: ReactNode;
  /** The share of the call played so far (0–1, each second once), as it grows. */
  onListened?(share: number): void;
  ref?: Ref<CallPaneHandle>;
}

/**
 * The left of the workspace: the waveform with the evidence and defects as regions, the defects,
 * and the transcript following the playback. It alone re-renders as the audio plays.
 */
export function CallPane({
  recordingId,
  call,
  peaks,
  regions,
  highlights,
  marking,
  onDragged,
  onRegionClick,
  dragged,
  draggedContent,
  onDraggedClose,
  lineActions,
  defects,
  onListened,
  ref,
}: Props) {
  const { t } = useTranslation();
  const player = useRef<CallPlayerHandle>(null);
  const box = useRef<HTMLDivElement>(null);
  const [time, setTime] = useState(0);

  useImperativeHandle(ref, () => ({ seek: (seconds: number) => player.current?.seek(seconds) }), []);

  const duration = peaks.data?.duration ?? 0;
  const onTime = useCallback(
    (seconds: number) => {
      setTime(seconds);
      if (onListened) onListened(playedShare(player.current?.played() ?? [], duration));
    },
    [onListened, duration],
  );

  const playLine = useCallback((segment: TranscriptSegment) => {
    player.current?.seek(segment.start);
    player.current?.play();
  }, []);

  const created = useCallback(
    (region: { start: number; end: number }) => {
      const wave = box.current?.querySelector<HTMLElement>('[data-testid="player-waveform"]');
      const outer = box.current?.getBoundingClientRect();
      const rect = wave?.getBoundingClientRect();
      const duration = peaks.data?.duration || 1;
      const x = rect && outer ? rect.left - outer.left + ((region.start + region.end) / 2 / duration) * rect.width : 0;
      const y = rect && outer ? rect.bottom - outer.top : 0;
      onDragged({ ...region, x, y });
    },
    [onDragged, peaks.data?.duration],
  );

  return (
    <Flex vertical gap={12} className="ws-call-pane" style={{ minHeight: 0, height: '100%' }}>
      <style>{LINE_ACTION_CSS}</style>
      <Card size="small" styles={{ body: { paddingBottom: 8 } }}>
        <div ref={box} style={{ position: 'relative' }}>
          {call?.audioRemovedAt ? (
            <AudioRemoved at={call.audioRemovedAt} />
          ) : peaks.error ? (
            <LoadError error={peaks.error} onRetry={peaks.refetch} />
          ) : peaks.data && call ? (
            <CallPlayer
              ref={player}
              audioUrl={recordingAudioUrl(recordingId)}
              peaks={peaks.data}
              layout={call.channels}
              regions={regions}
              dragToCreateRegions={marking}
              onRegionCreated={created}
              onRegionClick={onRegionClick}
              onTimeUpdate={onTime}
              laneHeight={call.channels === ChannelLayout.Mono ? 80 : 52}
            />
          ) : (
            <Skeleton active paragraph={{ rows: 3 }} title={false} />
          )}
          <Popover open={!!dragged} content={draggedContent} placement="bottom" onOpenChange={(open) => !open && onDraggedClose()} trigger="click" destroyOnHidden>
            <span style={{ position: 'absolute', left: dragged?.x ?? 0, top: dragged?.y ?? 0, width: 1, height: 1, pointerEvents: 'none' }} />
          </Popover>
        </div>
        <div style={{ marginTop: 8 }}>{defects}</div>
        {marking && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workspace.dragHint')}
          </Typography.Text>
        )}
      </Card>
      <Card
        size="small"
        title={t('workspace.transcript')}
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
        styles={{ body: { flex: 1, minHeight: 0, padding: 4 } }}
      >
        {call ? (
          <Transcript
            segments={call.transcript?.segments ?? NO_SEGMENTS}
            currentTime={time}
            onLineClick={playLine}
            highlights={highlights}
            height="100%"
            lineActions={lineActions}
          />
        ) : (
          <Skeleton active paragraph={{ rows: 8 }} title={false} />
        )}
      </Card>
    </Flex>
  );
}
