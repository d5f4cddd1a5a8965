import { App, Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useActiveChecklist } from '#web/api/checklists';
import { useTeams } from '#web/api/teams';
import { LoadError } from '#web/components/errors/load-error';
import { PageHeader } from '#web/components/page-header';
import { paths } from '#web/config/paths';
import { errorMessage } from '#web/lib/errors';
import { EVIDENCE_PAGE_SIZE, useEvidenceCandidates, useIssueNotice } from '../api/notices';
import { EvidenceTable } from '../components/evidence-table';

const DATE = 'YYYY-MM-DD';
const isDate = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).isValid();

interface IssueForm {
  team?: string;
  codes: string[];
  actions: string;
  deadline?: Dayjs;
  recheckFrom?: Dayjs;
}

/**
 * Issuing a rectification notice (书面整改通知书) to a team: its items, the evidence picked from the
 * team's evaluations that failed them, the required actions, the deadline and when re-checking starts.
 * The problems page and the teams page open it with the team (and the item, and the period) preselected.
 */
export function IssueNoticeRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<IssueForm>();
  const teams = useTeams();
  const items = useActiveChecklist((checklist) => checklist.sections.flatMap((s) => s.items.map((i) => ({ value: i.code, label: `${i.code} ${i.title}` }))));
  const issue = useIssueNotice();

  const [range, setRange] = useState<[string, string]>(() => {
    const from = params.get('from');
    const to = params.get('to');
    return isDate(from) && isDate(to) ? [from, to] : [dayjs().subtract(29, 'day').format(DATE), dayjs().format(DATE)];
  });
  const [picked, setPicked] = useState<string[]>([]);
  const team = Form.useWatch('team', form);
  const codes = Form.useWatch('codes', form) ?? [];
  const candidates = useEvidenceCandidates(team && codes.length ? { team, codes, from: range[0], to: range[1] } : undefined);

  const submit = (values: IssueForm) =>
    issue.mutate(
      {
        team: values.team!,
        codes: values.codes,
        actions: values.actions.trim(),
        deadline: values.deadline!.format(DATE),
        recheckFrom: values.recheckFrom?.format(DATE),
        evaluations: picked,
      },
      {
        onSuccess: (notice) => {
          void message.success(t('rectification.issued'));
          void navigate(paths.rectificationNotice.getHref(notice.id));
        },
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );

  const initialCodes = (params.get('codes') ?? '').split(',').filter(Boolean);
  return (
    <>
      <PageHeader title={t('rectification.issueTitle')} />
      <Form<IssueForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<IssueForm>) => {
          if ('team' in changed || 'codes' in changed) setPicked([]);
        }}
        initialValues={{ team: params.get('team') || undefined, codes: initialCodes, actions: '', deadline: dayjs().add(14, 'day') }}
        style={{ maxWidth: 960 }}
        data-testid="issue-form"
      >
        <Space wrap align="start" size="large">
          <Form.Item name="team" label={t('rectification.team')} rules={[{ required: true, message: t('rectification.teamRequired') }]}>
            <Select<string>
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 220 }}
              loading={teams.isPending}
              options={(teams.data?.items ?? []).filter((x) => x.active).map((x) => ({ value: x.code, label: `${x.name} (${x.code})` }))}
              data-testid="issue-team"
            />
          </Form.Item>
          <Form.Item name="codes" label={t('rectification.codes')} rules={[{ required: true, type: 'array', min: 1, message: t('rectification.codesRequired') }]}>
            <Select<string[]>
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              style={{ minWidth: 320 }}
              loading={items.isPending}
              options={items.data ?? []}
              data-testid="issue-codes"
            />
          </Form.Item>
        </Space>

        <Card
          size="small"
          title={t('rectification.evidence')}
          style={{ marginBottom: 16 }}
          extra={
            <Space>
              <Typography.Text type="secondary">{t('rectification.evidenceRange')}</Typography.Text>
              <DatePicker.RangePicker
                allowClear={false}
                value={[dayjs(range[0]), dayjs(range[1])]}
                onChange={(value) => value?.[0] && value[1] && setRange([value[0].format(DATE), value[1].format(DATE)])}
                data-testid="issue-evidence-range"
              />
              <Typography.Text data-testid="issue-evidence-picked">{t('rectification.evidencePicked', { count: picked.length })}</Typography.Text>
            </Space>
          }
        >
          {candidates.isError ? (
            <LoadError error={candidates.error} onRetry={() => void candidates.refetch()} />
          ) : (
            <EvidenceTable
              evaluations={team && codes.length ? (candidates.data?.items ?? []) : []}
              codes={codes}
              loading={candidates.isFetching}
              rowSelection={{ selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]), preserveSelectedRowKeys: true }}
              emptyText={team && codes.length ? t('rectification.evidenceEmpty') : t('rectification.evidencePickTeam')}
            />
          )}
          {(candidates.data?.total ?? 0) > EVIDENCE_PAGE_SIZE && (
            <Typography.Text type="secondary">{t('common.total', { count: candidates.data?.total ?? 0 })}</Typography.Text>
          )}
        </Card>

        <Form.Item name="actions" label={t('rectification.actions')} rules={[{ required: true, whitespace: true, message: t('rectification.actionsRequired') }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="issue-actions" />
        </Form.Item>
        <Space wrap align="start" size="large">
          <Form.Item name="deadline" label={t('rectification.deadline')} rules={[{ required: true, message: t('rectification.deadlineRequired') }]}>
            <DatePicker allowClear={false} data-testid="issue-deadline" />
          </Form.Item>
          <Form.Item name="recheckFrom" label={t('rectification.recheckFrom')} extra={t('rectification.recheckFromHelp')} style={{ maxWidth: 480 }}>
            <DatePicker data-testid="issue-recheck-from" />
          </Form.Item>
        </Space>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={issue.isPending} data-testid="issue-submit">
            {t('rectification.issue')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

export default IssueNoticeRoute;
