import { politeTranscript, toneWav } from './audio.js';
import type { TestApp } from './test-app.js';

let seq = 0;

/** Posts a call for the agent as admin and answers its id. */
export async function recordingFor(t: TestApp, employeeNo: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', toneWav(1), 'call.wav')
    .field(
      'metadata',
      JSON.stringify({ externalId: `eval-${Date.now()}-${++seq}`, agent: employeeNo, startedAt: '2026-11-20T10:00:00+08:00', direction: 'inbound', ...over }),
    )
    .field('transcript', JSON.stringify(politeTranscript()));
  if (res.status !== 201) throw new Error(`recording: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Every item of the active checklist with a verdict: pass unless overridden. */
export async function allItems(t: TestApp, verdicts: Record<string, 'pass' | 'fail' | 'na'> = {}) {
  const active = (await t.as(t.adminToken).get('/api/checklists/active')).body;
  return active.sections.flatMap((s: { items: { code: string }[] }) => s.items.map((i) => ({ code: i.code, verdict: verdicts[i.code] ?? 'pass' })));
}
