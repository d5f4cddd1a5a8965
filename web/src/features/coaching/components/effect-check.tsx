import { Alert, Card, List, Progress, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '#web/config/paths';
import type { CoachingItemDetail } from '../api/coaching-items';

/**
 * The effect check after the latest one-to-one: "2 of 3 passed since coaching", each evaluation that
 * counts linked, and the decisions taken so far (improved, reopened, checking again).
 */
export function EffectCheck({ item }: { item: CoachingItemDetail }) {
  const { t } = useTranslation();
  const check = item.check;
  return (
    <Card title={t('coaching.check')} size="small" style={{ marginBottom: 16 }} data-testid="coaching-check">
      {!check ? (
        <Typography.Text type="secondary">{t('coaching.checkNone')}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong data-testid="coaching-check-progress">
              {t('coaching.checkProgress', { passed: check.passed, needed: check.needed })}
            </Typography.Text>
            <Progress
              percent={Math.round((100 * check.passed) / check.needed)}
              steps={check.needed}
              showInfo={false}
              status={check.outcome === 'reopened' ? 'exception' : undefined}
            />
            {check.outcome === 'pending' && <Tag>{t('coaching.checkPending')}</Tag>}
          </Space>
          {check.outcome === 'improved' && <Alert type="success" showIcon message={t('coaching.checkImproved')} />}
          {check.outcome === 'reopened' && <Alert type="error" showIcon message={t('coaching.checkReopened')} />}
          <Typography.Text type="secondary">{t('coaching.checkSince', { date: check.since, needed: check.needed })}</Typography.Text>
          <List
            size="small"
            dataSource={check.evaluations}
            locale={{ emptyText: t('coaching.checkEmpty') }}
            renderItem={(e) => (
              <List.Item>
                <Space>
                  <Typography.Text type="secondary">{e.callDate}</Typography.Text>
                  {e.passed ? (
                    <Tag color="green">{t('coaching.checkPassed')}</Tag>
                  ) : (
                    <Tag color="red">{t('coaching.checkFailed', { codes: e.failedCodes.join('、') })}</Tag>
                  )}
                  <Link to={paths.evaluate.getHref(e.recordingId, { evaluation: e.evaluationId })} data-testid="coaching-check-evaluation">
                    {t('coaching.evaluation')}
                  </Link>
                </Space>
              </List.Item>
            )}
          />
        </Space>
      )}
      {item.events.length > 0 && (
        <List
          size="small"
          header={t('coaching.events')}
          dataSource={item.events}
          renderItem={(e) => (
            <List.Item>
              <Space>
                <Typography.Text type="secondary">{dayjs(e.at).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                {t(`coaching.eventKinds.${e.kind}`)}
                {e.codes.map((code) => (
                  <Tag key={code}>{code}</Tag>
                ))}
                {e.evaluationId && e.recordingId && <Link to={paths.evaluate.getHref(e.recordingId, { evaluation: e.evaluationId })}>{t('coaching.evaluation')}</Link>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
