import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '#web/components/errors/load-error';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { type SamplingRules, usePlan, useUpdatePlan } from '../api/plans';

/** The form edits the share as a percentage; the server keeps 0…1. */
type Values = Omit<SamplingRules, 'guidedShare'> & { guidedPercent: number };

const toValues = ({ guidedShare, ...rules }: SamplingRules): Values => ({ ...rules, guidedPercent: Math.round(guidedShare * 1000) / 10 });
const toRules = ({ guidedPercent, ...values }: Values): SamplingRules => ({
  ...values,
  guidedShare: Math.round(guidedPercent * 10) / 1000,
  businessTypes: values.businessTypes.map((s) => s.trim()).filter(Boolean),
  complaintBusinessTypes: values.complaintBusinessTypes.map((s) => s.trim()).filter(Boolean),
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The project's sampling plan, every rule explained. A change is saved as the version for tomorrow
 * on: today's sampling, maybe half done, keeps the rules it started with.
 */
export function PlanEditor({ project, canEdit }: { project: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const plan = usePlan(project);
  const update = useUpdatePlan();
  const [form] = Form.useForm<Values>();
  const editing = plan.data ? (plan.data.upcoming?.rules ?? plan.data.current) : undefined;

  useEffect(() => {
    if (editing) form.setFieldsValue(toValues(editing));
    // Reset when another project or a newly saved version arrives.
  }, [plan.data, form]);

  if (plan.isError) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>;
  const { current, upcoming } = plan.data;

  /** The field's explanation, and what is in force today when the edited version differs. */
  const extra = (key: keyof SamplingRules, text: ReactNode, show: (v: SamplingRules) => string = (v) => String(v[key])) => (
    <>
      {text}
      {upcoming && !same(upcoming.rules[key], current[key]) && (
        <Typography.Text type="warning" style={{ display: 'block' }}>
          {t('sampling.plan.todayValue', { value: show(current) })}
        </Typography.Text>
      )}
    </>
  );
  const list = (values: string[]) => (values.length ? values.join(t('common.listSeparator')) : t('sampling.plan.any'));
  const directions = (v: SamplingRules) =>
    v.directions.length ? v.directions.map((d) => t(`sampling.plan.directionOptions.${d}`)).join(t('common.listSeparator')) : t('sampling.plan.any');

  const save = (values: Values) =>
    update.mutate(
      { project, rules: toRules(values) },
      { onSuccess: (saved) => void message.success(t('sampling.plan.saved', { date: saved.upcoming?.effectiveFrom ?? '' })) },
    );

  const number = (name: keyof Values, label: string, help: ReactNode, min: number, max: number, props: { step?: number; precision?: number; suffix?: string } = {}) => (
    <Col xs={24} md={12} xl={8}>
      <Form.Item label={label} name={name} extra={help} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber
          id={`plan-${name}`}
          min={min}
          max={max}
          step={props.step ?? 1}
          precision={props.precision ?? 0}
          suffix={props.suffix}
          style={{ width: 160 }}
          data-testid={`plan-${name}`}
        />
      </Form.Item>
    </Col>
  );

  return (
    <div data-testid="plan-editor">
      <Alert
        type={upcoming ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="plan-effective"
        title={upcoming ? t('sampling.plan.upcoming', { date: upcoming.effectiveFrom }) : t('sampling.plan.noUpcoming')}
        description={t('sampling.plan.fromTomorrow')}
      />
      <ServerErrorAlert error={update.error} />
      <Form<Values> form={form} layout="vertical" disabled={!canEdit} onFinish={save} initialValues={toValues(editing ?? current)} data-testid="plan-form">
        <Typography.Title level={5}>{t('sampling.plan.quota')}</Typography.Title>
        <Row gutter={24}>
          {number('callsPerAgent', t('sampling.plan.callsPerAgent'), extra('callsPerAgent', t('sampling.plan.help.callsPerAgent')), 0, 50, {
            suffix: t('sampling.plan.callsUnit'),
          })}
          {number(
            'guidedPercent',
            t('sampling.plan.guidedShare'),
            extra('guidedShare', t('sampling.plan.help.guidedShare'), (v) => `${Math.round(v.guidedShare * 1000) / 10}%`),
            0,
            100,
            { step: 10, precision: 1, suffix: '%' },
          )}
          {number('focusExtraCalls', t('sampling.plan.focusExtraCalls'), extra('focusExtraCalls', t('sampling.plan.help.focusExtraCalls')), 0, 50, {
            suffix: t('sampling.plan.callsUnit'),
          })}
        </Row>
        <Typography.Title level={5}>{t('sampling.plan.focus')}</Typography.Title>
        <Row gutter={24}>
          {number('newHireDays', t('sampling.plan.newHireDays'), extra('newHireDays', t('sampling.plan.help.newHireDays')), 0, 3650, {
            suffix: t('sampling.plan.daysUnit'),
          })}
          {number('lowScoreThreshold', t('sampling.plan.lowScoreThreshold'), extra('lowScoreThreshold', t('sampling.plan.help.lowScoreThreshold')), 0, 100, {
            precision: 1,
            suffix: t('sampling.plan.pointsUnit'),
          })}
          {number('lowScoreDays', t('sampling.plan.lowScoreDays'), extra('lowScoreDays', t('sampling.plan.help.lowScoreDays')), 1, 365, {
            suffix: t('sampling.plan.daysUnit'),
          })}
          {number('fatalDays', t('sampling.plan.fatalDays'), extra('fatalDays', t('sampling.plan.help.fatalDays')), 1, 365, { suffix: t('sampling.plan.daysUnit') })}
        </Row>
        <Typography.Title level={5}>{t('sampling.plan.which')}</Typography.Title>
        <Row gutter={24}>
          {number('minDurationSeconds', t('sampling.plan.minDurationSeconds'), extra('minDurationSeconds', t('sampling.plan.help.minDurationSeconds')), 0, 86_400, {
            suffix: t('sampling.plan.secondsUnit'),
          })}
          <Col xs={24} md={12} xl={8}>
            <Form.Item label={t('sampling.plan.directions')} name="directions" extra={extra('directions', t('sampling.plan.help.directions'), directions)}>
              <Checkbox.Group
                options={[
                  { value: 'inbound', label: t('sampling.plan.directionOptions.inbound') },
                  { value: 'outbound', label: t('sampling.plan.directionOptions.outbound') },
                ]}
                data-testid="plan-directions"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              label={t('sampling.plan.businessTypes')}
              name="businessTypes"
              extra={extra('businessTypes', t('sampling.plan.help.businessTypes'), (v) => list(v.businessTypes))}
              rules={[{ type: 'array', max: 50, message: t('sampling.plan.tooMany') }]}
            >
              <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={t('sampling.plan.any')} open={false} data-testid="plan-businessTypes" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              label={t('sampling.plan.complaintBusinessTypes')}
              name="complaintBusinessTypes"
              extra={extra('complaintBusinessTypes', t('sampling.plan.help.complaintBusinessTypes'), (v) => list(v.complaintBusinessTypes))}
              rules={[{ type: 'array', max: 50, message: t('sampling.plan.tooMany') }]}
            >
              <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={t('common.none')} open={false} data-testid="plan-complaintBusinessTypes" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('sampling.plan.scheduleAndGrading')}</Typography.Title>
        <Row gutter={24}>
          <Col xs={24} md={12} xl={8}>
            <Form.Item
              label={t('sampling.plan.runAt')}
              name="runAt"
              extra={extra('runAt', t('sampling.plan.help.runAt'))}
              rules={[
                { required: true, message: t('common.required') },
                { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('sampling.plan.runAtInvalid') },
              ]}
            >
              <Input id="plan-runAt" placeholder="08:00" style={{ width: 160 }} data-testid="plan-runAt" />
            </Form.Item>
          </Col>
          {number('maxHalfWidth', t('sampling.plan.maxHalfWidth'), extra('maxHalfWidth', t('sampling.plan.help.maxHalfWidth')), 0.5, 50, {
            step: 0.5,
            precision: 1,
            suffix: t('sampling.plan.pointsUnit'),
          })}
        </Row>
        {canEdit ? (
          <Space>
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="plan-save">
              {t('sampling.plan.save')}
            </Button>
            <Button htmlType="button" onClick={() => form.setFieldsValue(toValues(editing ?? current))} data-testid="plan-reset">
              {t('sampling.plan.reset')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('sampling.plan.readOnly')}</Typography.Text>
        )}
      </Form>
    </div>
  );
}
