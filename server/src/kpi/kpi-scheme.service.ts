import { Injectable } from '@nestjs/common';
import type { KpiScheme, KpiSchemeList, PartsUpsertResult } from '#shared/api/kpi.js';
import { localDateOf } from '#shared/dates.js';
import { quarterOf } from '#shared/kpi/grades.js';
import { type KpiPartWeight, weightProblems } from '#shared/kpi/scheme.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, type ErrorDetail, notFound } from '#server/common/domain-error.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { toKpiScheme } from './kpi.mapper.js';
import { type KpiSchemeRow, KpiSchemeRepository, type SchemeInput } from './kpi-scheme.repository.js';
import { KpiService } from './kpi.service.js';
import { checkPartRows, refusedRows } from './part-rows.js';

const currentQuarter = () => quarterOf(localDateOf(new Date(), process.env.TZ));

export interface SchemeBody {
  fromQuarter: string;
  qaWeight: number;
  parts: KpiPartWeight[];
  note?: string;
}

/** 400 VALIDATION_FAILED naming each bad field of a scheme. */
function schemeInvalid(problems: ReturnType<typeof weightProblems>): DomainError {
  const details: ErrorDetail[] = problems.map((p) => ({
    field: p.field,
    code: p.code,
    message: p.message,
    ...(p.value === undefined ? {} : { params: { value: p.value } }),
  }));
  return new DomainError('VALIDATION_FAILED', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
}

/**
 * A project's KPI scheme (issue 13 "KPI score"), versioned as the checklist is: a supervisor of the
 * project edits a draft and publishes it from a quarter on (the current one at the earliest: a
 * closed quarter's review never changes); published versions are kept. The parts' values come in per
 * agent and quarter, all rows or none.
 */
@Injectable()
export class KpiSchemeService {
  constructor(
    private readonly repo: KpiSchemeRepository,
    private readonly kpi: KpiService,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, projectCode: string): Promise<KpiSchemeList> {
    const project = await this.scope.project(user, projectCode, { filter: true });
    return { project: project.code, items: (await this.repo.list(project.id)).map(toKpiScheme) };
  }

  async get(user: AuthUser, id: string): Promise<KpiScheme> {
    return toKpiScheme(await this.scheme(user, id));
  }

  /** A new draft of the project's next version. */
  async createDraft(user: AuthUser, projectCode: string, body: SchemeBody): Promise<KpiScheme> {
    const project = await this.scope.project(user, projectCode, { whole: true });
    const input = this.checked(body);
    const id = await this.transaction.run(async (tx) => {
      const id = await this.repo.insertDraft(project.id, input, user.id, tx);
      if (!id) throw new DomainError('DRAFT_EXISTS', `Project ${project.code} has a KPI scheme draft already: edit or delete it first`);
      await this.audit.record({ userId: user.id, username: user.username, action: 'kpi.scheme.draft', detail: { project: project.code, ...input } }, tx);
      return id;
    });
    return toKpiScheme((await this.repo.byId(id))!);
  }

  async updateDraft(user: AuthUser, id: string, body: SchemeBody): Promise<KpiScheme> {
    const scheme = await this.scheme(user, id, true);
    const input = this.checked(body);
    await this.transaction.run(async (tx) => {
      if (!(await this.repo.updateDraft(id, input, tx))) throw published(scheme);
      await this.audit.record(
        { userId: user.id, username: user.username, action: 'kpi.scheme.edit', detail: { project: scheme.project, version: scheme.version, ...input } },
        tx,
      );
    });
    return toKpiScheme((await this.repo.byId(id))!);
  }

  /** Publishes the draft from its quarter on: not before the current quarter. */
  async publish(user: AuthUser, id: string): Promise<KpiScheme> {
    const scheme = await this.scheme(user, id, true);
    if (scheme.status !== 'draft') throw published(scheme);
    const current = currentQuarter();
    if (scheme.fromQuarter < current)
      throw new DomainError('VALIDATION_FAILED', `fromQuarter: ${scheme.fromQuarter} is over; publish from ${current} or later`, [
        { field: 'fromQuarter', code: 'notAllowed', params: { value: scheme.fromQuarter }, message: `${scheme.fromQuarter} is over; from ${current} at the earliest` },
      ]);
    await this.transaction.run(async (tx) => {
      if (!(await this.repo.publish(id, user.id, tx))) throw published(scheme);
      await this.audit.record(
        {
          userId: user.id,
          username: user.username,
          action: 'kpi.scheme.publish',
          detail: { project: scheme.project, version: scheme.version, fromQuarter: scheme.fromQuarter },
        },
        tx,
      );
    });
    return toKpiScheme((await this.repo.byId(id))!);
  }

  async deleteDraft(user: AuthUser, id: string): Promise<void> {
    const scheme = await this.scheme(user, id, true);
    await this.transaction.run(async (tx) => {
      if (!(await this.repo.deleteDraft(id, tx))) throw published(scheme);
      await this.audit.record(
        { userId: user.id, username: user.username, action: 'kpi.scheme.discard', detail: { project: scheme.project, version: scheme.version } },
        tx,
      );
    });
  }

  /**
   * `PUT /api/kpi/parts`: each agent's value of a part in a quarter, stored or replaced. A part must
   * be one of the scheme published for the agent's project in that quarter. A bad row: 400 naming
   * its index, and nothing of the request is stored.
   */
  async putValues(user: AuthUser, rows: unknown[]): Promise<PartsUpsertResult> {
    const checked = checkPartRows(rows);
    const errors = [...checked.errors];
    const resolved = await this.kpi.resolveAgents(user, checked.rows, (row, code, message) =>
      errors.push({ field: `rows[${row.index}].agent`, code, params: { value: row.agent }, message: `rows[${row.index}].agent: ${message}` }),
    );
    const schemes = new Map<string, KpiSchemeRow | null>();
    for (const row of resolved) {
      const key = `${row.projectId}|${row.quarter}`;
      if (!schemes.has(key)) schemes.set(key, await this.repo.inForce(row.projectId, row.quarter));
      const scheme = schemes.get(key)!;
      if (scheme?.parts.some((p) => p.code === row.part)) continue;
      const what = scheme
        ? `is not a part of the KPI scheme of project ${scheme.project} in force for ${row.quarter} (its parts: ${scheme.parts.map((p) => p.code).join(', ') || 'none'})`
        : `agent ${row.agent}'s project has no KPI scheme published for ${row.quarter}: its KPI score is the QA score`;
      errors.push({ field: `rows[${row.index}].part`, code: 'unknown', params: { value: row.part }, message: `rows[${row.index}].part: ${row.part} ${what}` });
    }
    if (errors.length) throw refusedRows(errors);
    await this.transaction.run(async (tx) => {
      await this.repo.upsertValues(resolved, user.id, tx);
      const quarters = [...new Set(resolved.map((r) => r.quarter))].sort();
      await this.audit.record({ userId: user.id, username: user.username, action: 'kpi.parts', detail: { rows: resolved.length, quarters } }, tx);
    });
    return { upserted: resolved.length };
  }

  /** For the demo centre: TM's sales target weighed into the current quarter's KPI score, with every TM agent's value. */
  seedDemo(): Promise<number> {
    return this.transaction.run((tx) => this.repo.insertDemoScheme(currentQuarter(), tx));
  }

  /** The weights checked (they add up to 100, codes once each), names trimmed. */
  private checked(body: SchemeBody): SchemeInput {
    const parts = body.parts.map((p) => ({ code: p.code, name: p.name.trim() || p.code, weight: p.weight }));
    const problems = weightProblems({ qaWeight: body.qaWeight, parts });
    if (problems.length) throw schemeInvalid(problems);
    return { fromQuarter: body.fromQuarter, qaWeight: body.qaWeight, parts, note: body.note?.trim() || null };
  }

  /** The scheme by id within the caller's projects (`edit`: the whole project, as changing it takes). */
  private async scheme(user: AuthUser, id: string, edit = false): Promise<KpiSchemeRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('KPI scheme');
    this.scope.require(user, { projectId: row.projectId, whole: edit });
    return row;
  }
}

const published = (s: KpiSchemeRow) =>
  new DomainError('VERSION_PUBLISHED', `KPI scheme version ${s.version} of ${s.project} is published and is kept as it is; start a new draft`, undefined, {
    params: { version: s.version },
  });
