import { Button, Card, Col, Flex, Row, Skeleton, Space, Typography } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { TranscriptSegment } from '#shared/recordings';
import { useAutoChecks, useRecording } from '#web/api/recording';
import { useTeams } from '#web/api/teams';
import {
  CallPlayer,
  type CallPlayerHandle,
  type PlayerRegion,
  recordingAudioUrl,
  Transcript,
  type TranscriptHighlight,
  useRecordingPeaks,
} from '#web/components/call-player';
import { AudioRemoved } from '#web/components/call-player/audio-removed';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';
import { useRuleTitles } from '../api/rule-titles';
import { AutoCheckList } from '../components/auto-check-list';
import { RecordingMeta } from '../components/recording-meta';

const FAIL_COLOUR = 'rgba(255, 77, 79, 0.22)';
const PASS_COLOUR = 'rgba(82, 196, 26, 0.22)';
const NO_SEGMENTS: TranscriptSegment[] = [];

/** One call: what it was, the player and transcript side by side, the machine's verdicts, the download. */
export function RecordingPlayerRoute() {
  const { id = '' } = useParams();
  // Another call (a link from the access log, say) starts afresh: new player, position 0.
  return <RecordingPage key={id} id={id} />;
}

function RecordingPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const back = (location.state as { back?: string } | null)?.back ?? paths.recordings.getHref();
  const recording = useRecording(id);
  const peaks = useRecordingPeaks(id);
  const autoChecks = useAutoChecks(id);
  const titles = useRuleTitles();
  const teams = useTeams();
  const player = useRef<CallPlayerHandle>(null);
  const [time, setTime] = useState(0);
  // `?t=` (seconds), from a defect's link: the player opens at that moment.
  const [searchParams] = useSearchParams();
  const startAt = Number(searchParams.get('t'));
  const onReady = useCallback(() => {
    if (Number.isFinite(startAt) && startAt > 0) player.current?.seek(startAt);
  }, [startAt]);

  const results = autoChecks.data?.results;
  /** Evidence of phrase rules marked in the transcript: failures red, passes green. */
  const highlights = useMemo<TranscriptHighlight[]>(
    () =>
      (results ?? []).flatMap((result) =>
        result.verdict === 'na'
          ? []
          : result.evidence
              .filter((e) => e.charStart !== undefined && e.charEnd !== undefined)
              .map((e) => ({
                segment: e.segment,
                charStart: e.charStart,
                charEnd: e.charEnd,
                color: result.verdict === 'fail' ? FAIL_COLOUR : PASS_COLOUR,
                title: titles.data?.[result.code] ?? result.code,
              })),
      ),
    [results, titles.data],
  );
  /** Failures marked on the waveform too (silences and interruptions have no words to mark). */
  const regions = useMemo<PlayerRegion[]>(
    () =>
      (results ?? [])
        .filter((result) => result.verdict === 'fail')
        .flatMap((result) =>
          result.evidence.map((e, i) => ({ id: `${result.code}-${i}`, start: e.start, end: Math.max(e.end, e.start), color: FAIL_COLOUR, label: result.code })),
        ),
    [results],
  );

  const seek = useCallback((seconds: number) => player.current?.seek(seconds), []);
  const playLine = useCallback((segment: TranscriptSegment) => {
    player.current?.seek(segment.start);
    player.current?.play();
  }, []);
  const onRegionClick = useCallback((region: PlayerRegion) => player.current?.seek(region.start), []);

  const canSeeAccessLog = useCan('recording.accessLog');

  if (recording.isError) return <LoadError error={recording.error} onRetry={() => void recording.refetch()} />;
  const call = recording.data;

  return (
    <>
      <PageHeader
        title={
          <Space size="small" wrap>
            {t('recordings.playerTitle')}
            {call && (
              <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal' }}>
                {call.externalId}
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to={back} data-testid="recording-back">
              <Button>{t('recordings.back')}</Button>
            </Link>
            {canSeeAccessLog && (
              <Link to={paths.accessLog.getHref({ recordingId: id })} data-testid="recording-access-log">
                <Button>{t('recordings.accessLog')}</Button>
              </Link>
            )}
            <Button type="primary" href={recordingAudioUrl(id, { download: true })} download disabled={!!call?.audioRemovedAt} data-testid="recording-download">
              {t('recordings.download')}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        {call ? <RecordingMeta recording={call} teams={teams.data?.items} /> : <Skeleton active paragraph={{ rows: 2 }} title={false} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('recordings.recording')}>
              {call?.audioRemovedAt ? (
                <AudioRemoved at={call.audioRemovedAt} />
              ) : peaks.isError ? (
                <LoadError error={peaks.error} onRetry={() => void peaks.refetch()} />
              ) : peaks.data && call ? (
                <CallPlayer
                  ref={player}
                  audioUrl={recordingAudioUrl(id)}
                  peaks={peaks.data}
                  layout={call.channels}
                  regions={regions}
                  onRegionClick={onRegionClick}
                  onTimeUpdate={setTime}
                  onReady={onReady}
                />
              ) : (
                <Skeleton active paragraph={{ rows: 3 }} title={false} />
              )}
            </Card>
            <Card
              size="small"
              title={t('recordings.autoChecks')}
              extra={
                autoChecks.data && <Typography.Text type="secondary">{t('recordings.checklistVersion', { version: autoChecks.data.checklistVersion })}</Typography.Text>
              }
            >
              {autoChecks.isError ? (
                <LoadError error={autoChecks.error} onRetry={() => void autoChecks.refetch()} />
              ) : autoChecks.data ? (
                <AutoCheckList results={autoChecks.data.results} titles={titles.data} onSeek={seek} />
              ) : (
                <Skeleton active paragraph={{ rows: 4 }} title={false} />
              )}
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('recordings.transcriptTitle')}>
            {call ? (
              <Transcript
                segments={call.transcript?.segments ?? NO_SEGMENTS}
                currentTime={time}
                onLineClick={playLine}
                highlights={highlights}
                height="max(320px, calc(100vh - 360px))"
              />
            ) : (
              <Skeleton active paragraph={{ rows: 8 }} title={false} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default RecordingPlayerRoute;
