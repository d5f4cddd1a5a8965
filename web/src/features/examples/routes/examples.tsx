import { App, Button, type ButtonProps, Card, DatePicker, Empty, Flex, Form, Input, List, Popconfirm, Select, Space, Table, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type CallExample,
  type ExampleKind,
  firstMoment,
  type SharingSession,
  sessionAudioUrl,
  useExamples,
  useRemoveExample,
  useSaveSession,
  useSessionPresenters,
  useSharingSessions,
} from '#web/api/examples';
import { useTeams } from '#web/api/teams';
import { recordingAudioUrl } from '#web/components/call-player';
import { LoadError } from '#web/components/errors/load-error';
import { ExampleAudio } from '#web/components/example/example-audio';
import { ExampleSummary } from '#web/components/example/example-cells';
import { EditExampleButton } from '#web/components/example/mark-example';
import { PageHeader } from '#web/components/page-header';
import { ProjectSelect } from '#web/components/project-select';
import { ServerErrorAlert } from '#web/components/server-error-alert';
import { useUser } from '#web/lib/auth';
import { useCan } from '#web/lib/authorization';

type Tab = 'examples' | 'sessions';

/** Example calls for the weekly sharing (issue 14, seed 11.5): the examples by item, tag and team, and the sharing sessions. */
export function ExamplesRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'sessions' ? 'sessions' : 'examples';
  return (
    <>
      <PageHeader title={t('examples.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'sessions' ? { tab: 'sessions' } : {}, { replace: true })}
        items={[
          { key: 'examples', label: <span data-testid="examples-tab-examples">{t('examples.tabs.examples')}</span>, children: <ExampleList /> },
          { key: 'sessions', label: <span data-testid="examples-tab-sessions">{t('examples.tabs.sessions')}</span>, children: <Sessions /> },
        ]}
      />
    </>
  );
}

function ExampleList() {
  const { t } = useTranslation();
  const mayBuild = useCan('example.session.edit');
  const editsAny = useCan('example.editAny');
  const mayMark = useCan('example.mark');
  const me = useUser();
  const remove = useRemoveExample();
  const [project, setProject] = useState<string | undefined>();
  const [team, setTeam] = useState<string | undefined>();
  const [item, setItem] = useState<string | undefined>();
  const [tag, setTag] = useState<string | undefined>();
  const [kind, setKind] = useState<ExampleKind | undefined>();
  const [playing, setPlaying] = useState<CallExample | null>(null);
  const [playlist, setPlaylist] = useState<CallExample[]>([]);
  const teams = useTeams(project);
  const examples = useExamples({ project, team, item, tag, kind });
  const rows = useMemo(() => examples.data?.items ?? [], [examples.data]);
  const allItems = useMemo(() => [...new Map(rows.flatMap((r) => r.items).map((i) => [i.code, i])).values()], [rows]);
  const allTags = useMemo(() => [...new Set(rows.flatMap((r) => r.tags))], [rows]);

  if (examples.error) return <LoadError error={examples.error} onRetry={() => void examples.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <ProjectSelect
          allowClear
          placeholder={t('examples.filters.project')}
          value={project}
          onChange={(v) => (setProject(v), setTeam(undefined))}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          placeholder={t('examples.filters.team')}
          value={team}
          onChange={setTeam}
          style={{ width: 180 }}
          options={(teams.data?.items ?? []).map((x) => ({ value: x.code, label: x.name }))}
          data-testid="examples-filter-team"
        />
        <Select
          allowClear
          showSearch
          placeholder={t('examples.filters.item')}
          value={item}
          onChange={setItem}
          style={{ width: 220 }}
          options={allItems.map((i) => ({ value: i.code, label: `${i.code} ${i.title}` }))}
          data-testid="examples-filter-item"
        />
        <Select
          allowClear
          placeholder={t('examples.filters.tag')}
          value={tag}
          onChange={setTag}
          style={{ width: 160 }}
          options={allTags.map((x) => ({ value: x, label: x }))}
          data-testid="examples-filter-tag"
        />
        <Select
          allowClear
          placeholder={t('examples.filters.kind')}
          value={kind}
          onChange={setKind}
          style={{ width: 140 }}
          options={(['good', 'bad'] as const).map((k) => ({ value: k, label: t(`examples.kinds.${k}`) }))}
          data-testid="examples-filter-kind"
        />
      </Space>
      {playing && (
        <Card size="small" title={t('examples.nowPlaying', { agent: playing.agentName, team: playing.teamName })} data-testid="example-player">
          <ExampleAudio example={playing} src={`${recordingAudioUrl(playing.recordingId)}#t=${firstMoment(playing)}`} autoPlay />
        </Card>
      )}
      <Table<CallExample>
        rowKey="id"
        size="small"
        loading={examples.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': 'example-row', 'data-example-id': r.id }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('examples.columns.example'), key: 'example', render: (_, r) => <ExampleSummary example={r} /> },
          { title: t('examples.columns.team'), key: 'team', render: (_, r) => `${r.teamName} · ${r.agentName}（${r.agent}）` },
          { title: t('examples.columns.customer'), dataIndex: 'customerNumber', render: (v: string | null) => <span data-testid="example-customer">{v ?? '—'}</span> },
          { title: t('examples.columns.author'), dataIndex: 'authorName' },
          {
            title: '',
            key: 'actions',
            render: (_, r) => (
              <Space>
                <Button size="small" type="primary" onClick={() => setPlaying(r)} data-testid="example-play">
                  {t('examples.play')}
                </Button>
                {mayMark && (editsAny || r.author === me.data?.username) && <EditExampleButton example={r} />}
                {mayMark && (editsAny || r.author === me.data?.username) && (
                  <Popconfirm
                    title={t('examples.removeConfirm')}
                    onConfirm={() => remove.mutate(r.id)}
                    okButtonProps={{ 'data-testid': 'example-remove-confirm' } as ButtonProps}
                  >
                    <Button size="small" danger type="link" data-testid="example-remove">
                      {t('examples.regionRemove')}
                    </Button>
                  </Popconfirm>
                )}
                {mayBuild && (
                  <Button
                    size="small"
                    disabled={playlist.some((p) => p.id === r.id)}
                    onClick={() => setPlaylist((all) => [...all, r])}
                    data-testid="example-add-to-playlist"
                  >
                    {t('examples.addToPlaylist')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {remove.error && <ServerErrorAlert error={remove.error} />}
      {mayBuild && playlist.length > 0 && <PlaylistBuilder playlist={playlist} onChange={setPlaylist} />}
    </Flex>
  );
}

interface SessionValues {
  date: Dayjs;
  title: string;
  presenter: string;
}

/** The supervisor orders the chosen examples and saves them as a dated session with its presenter. */
function PlaylistBuilder({
  playlist,
  onChange,
  session,
  onSaved,
}: {
  playlist: CallExample[];
  onChange(next: CallExample[]): void;
  /** A saved session being changed: its date, title and presenter to start from. */
  session?: SharingSession;
  onSaved?(saved: SharingSession): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useUser();
  const save = useSaveSession();
  const [form] = Form.useForm<SessionValues>();
  const projects = [...new Set(playlist.map((p) => p.project))];
  const presenters = useSessionPresenters(session?.project ?? (projects.length === 1 ? projects[0] : undefined));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= playlist.length) return;
    const next = [...playlist];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x);
    onChange(next);
  };
  const submit = (v: SessionValues) =>
    save.mutate(
      {
        id: session?.id,
        project: session?.project ?? projects[0],
        date: v.date.format('YYYY-MM-DD'),
        title: v.title,
        presenter: v.presenter,
        exampleIds: playlist.map((p) => p.id),
      },
      {
        onSuccess: (saved) => {
          void message.success(t('examples.sessionSaved'));
          if (onSaved) onSaved(saved);
          else onChange([]);
        },
      },
    );
  return (
    <Card size="small" title={t('examples.playlist', { n: playlist.length })} data-testid="playlist-builder">
      <List
        size="small"
        dataSource={playlist}
        renderItem={(x, i) => (
          <List.Item
            data-testid="playlist-entry"
            data-example-id={x.id}
            actions={[
              <Button key="up" size="small" disabled={i === 0} onClick={() => move(i, i - 1)} data-testid="playlist-up">
                ↑
              </Button>,
              <Button key="down" size="small" disabled={i === playlist.length - 1} onClick={() => move(i, i + 1)} data-testid="playlist-down">
                ↓
              </Button>,
              <Button key="remove" size="small" type="link" onClick={() => onChange(playlist.filter((_, j) => j !== i))}>
                {t('examples.regionRemove')}
              </Button>,
            ]}
          >
            {i + 1}. {x.items.map((it) => it.code).join('、')} · {x.note}
          </List.Item>
        )}
      />
      {projects.length > 1 && <Typography.Text type="danger">{t('examples.oneProject')}</Typography.Text>}
      <Form
        form={form}
        layout="inline"
        onFinish={submit}
        initialValues={session ? { date: dayjs(session.date), title: session.title, presenter: session.presenter } : { date: dayjs(), presenter: me.data?.username }}
        style={{ marginTop: 12, rowGap: 8 }}
      >
        <Form.Item name="date" label={t('examples.sessionDate')} rules={[{ required: true }]}>
          <DatePicker data-testid="session-date" allowClear={false} />
        </Form.Item>
        <Form.Item name="title" label={t('examples.sessionTitle')} rules={[{ required: true, whitespace: true, message: t('examples.sessionTitleRequired') }]}>
          <Input maxLength={200} data-testid="session-title" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="presenter" label={t('examples.presenter')} rules={[{ required: true, message: t('examples.presenterRequired') }]}>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            loading={presenters.isFetching}
            data-testid="session-presenter"
            style={{ width: 220 }}
            placeholder={t('examples.presenterPick')}
            notFoundContent={t('examples.noPresenters')}
            options={(presenters.data?.items ?? []).map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} disabled={projects.length !== 1} data-testid="session-save">
          {t('examples.sessionSave')}
        </Button>
      </Form>
      {save.error && <ServerErrorAlert error={save.error} />}
    </Card>
  );
}

/** Sessions of the caller's projects; one opened plays its examples one after another, each from its first moment. */
function Sessions() {
  const { t } = useTranslation();
  const sessions = useSharingSessions();
  const [open, setOpen] = useState<SharingSession | null>(null);
  if (sessions.error) return <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {open && <SessionPlayer key={open.id} session={open} onClose={() => setOpen(null)} onSaved={setOpen} />}
      <Table<SharingSession>
        rowKey="id"
        size="small"
        loading={sessions.isLoading}
        dataSource={sessions.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('examples.noSessions')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': 'session-row', 'data-session-id': r.id }) as React.HTMLAttributes<HTMLTableRowElement>}
        columns={[
          { title: t('examples.sessionDate'), dataIndex: 'date' },
          { title: t('examples.sessionTitle'), dataIndex: 'title' },
          { title: t('examples.presenter'), key: 'presenter', render: (_, r) => r.presenterName },
          { title: t('examples.columns.project'), dataIndex: 'project' },
          { title: t('examples.columns.count'), key: 'n', render: (_, r) => r.examples.length },
          {
            title: '',
            key: 'open',
            render: (_, r) => (
              <Button size="small" type="primary" onClick={() => setOpen(r)} data-testid="session-open">
                {t('examples.sessionOpen')}
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
}

function SessionPlayer({ session, onClose, onSaved }: { session: SharingSession; onClose(): void; onSaved(saved: SharingSession): void }) {
  const { t } = useTranslation();
  const mayEdit = useCan('example.session.edit');
  const [editing, setEditing] = useState<CallExample[] | null>(null);
  const [index, setIndex] = useState(0);
  const [started, setStarted] = useState(false);
  const current = session.examples[index];
  const go = (n: number) => {
    setStarted(true);
    setIndex(Math.max(0, Math.min(n, session.examples.length - 1)));
  };
  return (
    <Card
      size="small"
      title={`${session.date} · ${session.title} · ${session.presenterName}`}
      extra={
        <Space>
          {mayEdit && !editing && (
            <Button size="small" onClick={() => setEditing(session.examples)} data-testid="session-edit">
              {t('examples.sessionEdit')}
            </Button>
          )}
          <Button size="small" onClick={onClose}>
            {t('examples.sessionClose')}
          </Button>
        </Space>
      }
      data-testid="session-player"
    >
      {editing && (
        <div style={{ marginBottom: 12 }}>
          <PlaylistBuilder
            playlist={editing}
            onChange={setEditing}
            session={session}
            onSaved={(saved) => {
              setEditing(null);
              setIndex(0);
              onSaved(saved);
            }}
          />
        </div>
      )}
      <List
        size="small"
        dataSource={session.examples}
        renderItem={(x, i) => (
          <List.Item
            data-testid="session-entry"
            data-example-id={x.id}
            data-current={i === index ? 'true' : 'false'}
            onClick={() => go(i)}
            style={{ cursor: 'pointer', fontWeight: i === index ? 600 : undefined }}
          >
            {i + 1}. <ExampleSummary example={x} />
          </List.Item>
        )}
      />
      {current && (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Typography.Text data-testid="session-now">{t('examples.sessionNow', { n: index + 1, total: session.examples.length })}</Typography.Text>
          <ExampleAudio
            example={current}
            src={sessionAudioUrl(session.id, current.id, firstMoment(current))}
            autoPlay={started}
            onEnded={() => index + 1 < session.examples.length && go(index + 1)}
          />
          <Space>
            <Button size="small" disabled={index === 0} onClick={() => go(index - 1)} data-testid="session-previous">
              {t('examples.previous')}
            </Button>
            <Button size="small" disabled={index + 1 >= session.examples.length} onClick={() => go(index + 1)} data-testid="session-next">
              {t('examples.next')}
            </Button>
          </Space>
        </Flex>
      )}
    </Card>
  );
}

export default ExamplesRoute;
