import { Card, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCalibrationToScore } from '#web/features/calibration/api/calibration';
import { paths } from '#web/config/paths';
import { useCan } from '#web/lib/authorization';

/**
 * The inspector's calibrations to score (issue 15): each call of an open session he takes part in and
 * has not submitted yet, opening the workspace with source `calibration`. Shown only when there are some.
 */
export function CalibrationWork() {
  const { t } = useTranslation();
  const reads = useCan('calibration.read');
  const toScore = useCalibrationToScore(reads);
  const items = toScore.data?.items ?? [];
  if (!reads || !items.length) return null;
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <Card title={t('home.calibration.title', { n: items.length })} style={{ marginBottom: 24 }} data-testid="home-calibrations-to-score">
      <List
        size="small"
        dataSource={items}
        renderItem={(c) => (
          <List.Item
            data-testid={`home-calibration-${c.recordingId}`}
            actions={[
              <Link key="score" to={paths.evaluate.getHref(c.recordingId, { source: 'calibration' })} data-testid={`home-calibration-score-${c.recordingId}`}>
                {c.draft ? t('home.calibration.continue') : t('home.calibration.score')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={<Link to={paths.calibrationSession.getHref(c.sessionId)}>{c.title}</Link>}
              description={
                <Typography.Text type="secondary">
                  {`${c.agentName} (${c.agent}) · ${dayjs(c.startedAt).format('YYYY-MM-DD HH:mm')} · `}
                  <Tag color={c.deadline < today ? 'red' : 'gold'}>{t('home.calibration.deadline', { date: c.deadline })}</Tag>
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
