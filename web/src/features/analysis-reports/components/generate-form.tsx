import { App, Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProjectSelect } from '#web/components/project-select';
import { paths } from '#web/config/paths';
import { errorMessage } from '#web/lib/errors';
import { type AnalysisReportKind, useGenerateReport } from '../api/analysis-reports';

const KINDS: AnalysisReportKind[] = ['daily', 'weekly', 'monthly'];

/** Makes (or remakes, while unpublished) the report of the period holding the chosen day, then opens it. */
export function GenerateForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const generate = useGenerateReport();
  const [form] = Form.useForm<{ kind: AnalysisReportKind; project: string; date: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ kind: 'monthly' }}
      onFinish={(v) =>
        generate.mutate(
          { kind: v.kind, project: v.project, date: v.date },
          {
            onSuccess: (report) => {
              void message.success(t('analysisReports.generated'));
              void navigate(paths.analysisReport.getHref(report.id));
            },
            onError: (error) => void message.error(errorMessage(error, t)),
          },
        )
      }
      data-testid="report-generate"
    >
      <Space wrap>
        <Form.Item name="kind" rules={[{ required: true }]} noStyle>
          <Select<AnalysisReportKind>
            style={{ width: 100 }}
            options={KINDS.map((k) => ({ value: k, label: t(`analysisReports.kinds.${k}`) }))}
            data-testid="report-generate-kind"
          />
        </Form.Item>
        <Form.Item name="project" rules={[{ required: true, message: t('common.required') }]} noStyle>
          <ProjectSelect activeOnly chooseTheOnlyOne style={{ minWidth: 180 }} data-testid="report-generate-project" />
        </Form.Item>
        <Form.Item name="date" rules={[{ required: true, message: t('common.required') }]} noStyle>
          <Input type="date" aria-label={t('analysisReports.date')} title={t('analysisReports.date')} style={{ width: 160 }} data-testid="report-generate-date" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={generate.isPending} data-testid="report-generate-submit">
          {t('analysisReports.generate')}
        </Button>
      </Space>
    </Form>
  );
}
