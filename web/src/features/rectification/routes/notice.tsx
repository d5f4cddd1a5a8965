import { App, Button, type ButtonProps, Card, Descriptions, Empty, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useActiveChecklist } from '#web/api/checklists';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { PageSpin } from '#web/components/page-spin';
import { useCan } from '#web/lib/authorization';
import { errorMessage } from '#web/lib/errors';
import { canTakeStep, type Evaluation, type NoticeStepName, openNoticePdf, type RectificationNotice, useEvidence, useNotice, useNoticeStep } from '../api/notices';
import { EvidenceTable } from '../components/evidence-table';
import { FailureRates } from '../components/failure-rates';
import { NoticeHistory } from '../components/notice-history';
import { NoticeStatusTag } from '../components/status-tag';

/** The steps an inspector or supervisor takes from this page (the team lead acknowledges with his plan below). */
const ISSUER_STEPS = ['recheck', 'close', 'escalate'] as const satisfies readonly NoticeStepName[];

/** The notice's evidence, each evaluation fetched as it is now. */
function Evidence({ notice }: { notice: RectificationNotice }) {
  const { t } = useTranslation();
  const results = useEvidence(notice.evaluations);
  const failed = results.find((r) => r.isError);
  if (failed?.error) return <LoadError error={failed.error} onRetry={() => void failed.refetch()} />;
  const evaluations = results.map((r) => r.data).filter((e): e is Evaluation => !!e);
  return <EvidenceTable evaluations={evaluations} codes={notice.codes} loading={results.some((r) => r.isPending)} emptyText={t('rectification.noEvidence')} />;
}

/**
 * One rectification notice: its status and history (who, when), items and their failure rates before
 * and since re-checking, evidence, actions and deadline; the team lead acknowledges it with his action
 * plan, inspectors and supervisors take the steps its state allows; the PDF opens in a new tab.
 */
export function NoticeRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const notice = useNotice(id);
  const step = useNoticeStep(id);
  const canIssue = useCan('rectification.issue');
  const canAcknowledge = useCan('rectification.acknowledge');
  const titles = useActiveChecklist((checklist) => new Map(checklist.sections.flatMap((s) => s.items.map((i) => [i.code, i.title] as const))));
  const [pdfLoading, setPdfLoading] = useState(false);
  const [form] = Form.useForm<{ actionPlan: string }>();
  const [note, setNote] = useState('');

  if (notice.isPending) return <PageSpin />;
  if (notice.isError) return <LoadError error={notice.error} onRetry={() => void notice.refetch()} />;
  const n = notice.data;
  const titleOf = titles.data ?? new Map<string, string>();

  const take = (name: NoticeStepName, extra: { actionPlan?: string; note?: string } = {}) =>
    step.mutate(
      { step: name, revision: n.revision, ...extra },
      {
        onSuccess: () => {
          setNote('');
          if (name === 'acknowledge') form.resetFields();
          void message.success(name === 'acknowledge' ? t('rectification.acknowledged') : t('rectification.stepDone', { step: t(`rectification.steps.${name}`) }));
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  const pdf = async () => {
    // Opened by the click itself, so that no pop-up blocker stops it; the PDF is put in it once fetched.
    const target = window.open('', '_blank');
    setPdfLoading(true);
    try {
      await openNoticePdf(n.id, target);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setPdfLoading(false);
    }
  };

  const steps = canIssue ? ISSUER_STEPS.filter((s) => canTakeStep(n.status, s)) : [];

  return (
    <>
      <PageHeader
        title={`${t('rectification.title')} · ${n.teamName}（${n.team}）`}
        extra={
          <Space wrap>
            <NoticeStatusTag status={n.status} testId="notice-status" />
            <Button onClick={() => void pdf()} loading={pdfLoading} data-testid="notice-pdf">
              {t('rectification.pdf')}
            </Button>
            {steps.map((s) => (
              <Popconfirm
                key={s}
                title={t('rectification.stepConfirm', { step: t(`rectification.steps.${s}`) })}
                description={
                  <Input.TextArea rows={2} placeholder={t('rectification.stepNote')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
                }
                onConfirm={() => take(s, { note: note.trim() || undefined })}
                okButtonProps={{ 'data-testid': 'notice-step-confirm' } as ButtonProps}
              >
                <Button
                  danger={s === 'escalate'}
                  type={s === 'close' ? 'primary' : 'default'}
                  loading={step.isPending && step.variables?.step === s}
                  data-testid={`notice-step-${s}`}
                >
                  {t(`rectification.steps.${s}`)}
                </Button>
              </Popconfirm>
            ))}
          </Space>
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} data-testid="notice-summary">
        <Descriptions.Item label={t('rectification.project')}>{n.project}</Descriptions.Item>
        <Descriptions.Item label={t('rectification.issuedBy')}>{n.issuedBy}</Descriptions.Item>
        <Descriptions.Item label={t('rectification.issuedAt')}>{dayjs(n.issuedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        <Descriptions.Item label={t('rectification.codes')}>
          {n.codes.map((c) => (
            <Tag key={c}>
              {c} {titleOf.get(c) ?? ''}
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('rectification.deadline')}>{n.deadline}</Descriptions.Item>
        <Descriptions.Item label={t('rectification.recheckFrom')}>{n.recheckFrom}</Descriptions.Item>
      </Descriptions>

      <Card title={t('rectification.actions')} size="small" style={{ marginBottom: 16 }}>
        <div style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-actions">
          {n.actions}
        </div>
      </Card>

      <Card title={t('rectification.actionPlan')} size="small" style={{ marginBottom: 16 }}>
        {n.actionPlan ? (
          <div style={{ whiteSpace: 'pre-wrap' }} data-testid="notice-action-plan">
            {n.actionPlan}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('rectification.noActionPlan')}</Typography.Text>
        )}
        {canAcknowledge && canTakeStep(n.status, 'acknowledge') && (
          <Form<{ actionPlan: string }>
            form={form}
            layout="vertical"
            style={{ marginTop: 12, maxWidth: 720 }}
            onFinish={(values) => take('acknowledge', { actionPlan: values.actionPlan.trim() })}
          >
            <Form.Item
              name="actionPlan"
              label={t('rectification.acknowledgeTitle')}
              rules={[{ required: true, whitespace: true, message: t('rectification.planRequired') }]}
            >
              <Input.TextArea rows={4} maxLength={4000} showCount data-testid="notice-plan" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={step.isPending && step.variables?.step === 'acknowledge'} data-testid="notice-acknowledge">
              {t('rectification.acknowledge')}
            </Button>
          </Form>
        )}
      </Card>

      <Card title={t('rectification.rates')} size="small" style={{ marginBottom: 16 }}>
        <FailureRates rates={n.failureRates} titles={titleOf} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('failureRate.verdictHelp')}
        </Typography.Paragraph>
      </Card>

      <Card title={t('rectification.evidence')} size="small" style={{ marginBottom: 16 }}>
        {n.evaluations.length ? <Evidence notice={n} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rectification.noEvidence')} />}
      </Card>

      <Card title={t('rectification.history')} size="small">
        <NoticeHistory history={n.history} />
      </Card>
    </>
  );
}

export default NoticeRoute;
