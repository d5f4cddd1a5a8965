import { Button, Card, Empty, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { APPROVAL_STEPS } from '#shared/kpi/grades';
import { useUser } from '#web/lib/auth';
import { useCan } from '#web/lib/authorization';
import { useFeedback } from '#web/lib/feedback';
import { type Promotion, useDecidePromotion, usePromotions } from '../api/promotions';

/** The pending promotion applications of one's teams, each at its step; its approver decides there. */
export function PromotionsCard() {
  const { t } = useTranslation();
  const promotions = usePromotions('pending');
  const decide = useDecidePromotion();
  const feedback = useFeedback();
  const me = useUser().data?.username;
  const canApprove = useCan('kpi.promotion.approve');
  const columns: ColumnsType<Promotion> = [
    { title: t('kpi.agent'), key: 'agent', render: (_, p) => `${p.agentName}（${p.agent}）` },
    { title: t('kpi.toGrade'), key: 'grade', render: (_, p) => `${t(`agents.grades.${p.fromGrade}`)} → ${t(`agents.grades.${p.toGrade}`)}` },
    {
      title: t('kpi.chain'),
      key: 'chain',
      render: (_, p) => (
        <Space size={4} wrap>
          {APPROVAL_STEPS.map((step) => {
            const decided = p.decisions.find((d) => d.step === step);
            return (
              <Tag key={step} color={decided ? 'green' : p.currentStep === step ? 'processing' : 'default'}>
                {`${t(`kpi.steps.${step}`)}：${p.approvers[step]}`}
              </Tag>
            );
          })}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_, p) =>
        canApprove &&
        p.currentStep &&
        p.approvers[p.currentStep] === me && (
          <Space>
            <Button type="primary" size="small" data-testid={`promotion-approve-${p.agent}`} onClick={() => decide.mutate({ id: p.id, action: 'approve' }, feedback)}>
              {t('kpi.approve')}
            </Button>
            <Button danger size="small" data-testid={`promotion-reject-${p.agent}`} onClick={() => decide.mutate({ id: p.id, action: 'reject' }, feedback)}>
              {t('kpi.reject')}
            </Button>
          </Space>
        ),
    },
  ];
  return (
    <Card title={t('kpi.promotions')} style={{ marginTop: 16 }} data-testid="kpi-promotions">
      {promotions.data?.items.length ? (
        <Table<Promotion> rowKey="id" size="small" columns={columns} dataSource={promotions.data.items} pagination={false} />
      ) : (
        <Empty description={t('kpi.noPromotions')} />
      )}
    </Card>
  );
}
