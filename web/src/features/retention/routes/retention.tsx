import { Alert, Button, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { useCan } from '#web/lib/authorization';
import { useRetentionPolicies, useRunRetention } from '../api/retention';
import { RetentionCard } from '../components/retention-card';

/** Issue 16: how long each project keeps its calls' audio; transcripts and scores stay for good. */
export function RetentionRoute() {
  const { t } = useTranslation();
  const policies = useRetentionPolicies();
  const editable = useCan('retention.edit');
  const runs = useCan('retention.run');
  const run = useRunRetention();
  if (policies.isError) return <LoadError error={policies.error} onRetry={() => void policies.refetch()} />;
  const removed = run.data?.projects.reduce((sum, p) => sum + p.removed, 0);
  return (
    <>
      <PageHeader
        title={t('retention.title')}
        extra={
          runs && (
            <Button danger loading={run.isPending} onClick={() => run.mutate()} data-testid="retention-run">
              {t('retention.runNow')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">{t('retention.hint')}</Typography.Paragraph>
      <ServerErrorAlert error={run.error} />
      {run.data && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="retention-run-result"
          title={t('retention.ran', { removed, protected: run.data.projects.reduce((sum, p) => sum + p.protected, 0) })}
        />
      )}
      {policies.isPending ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          {policies.data.items.map((policy) => (
            <Col key={`${policy.projectId}-${policy.updatedAt}`} xs={24} md={12} xl={8}>
              <RetentionCard policy={policy} editable={editable} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}

export default RetentionRoute;
