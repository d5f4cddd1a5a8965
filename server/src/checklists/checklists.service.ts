import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import type { ChecklistSummary, ChecklistVersion } from '../../../shared/src/api/checklists.js';
import type { Page } from '../../../shared/src/api/page.js';
import { DEFAULT_CHECKLIST } from '../../../shared/src/checklists/default-checklist.js';
import type { ChecklistSection } from '../../../shared/src/checklists/types.js';
import { type ChecklistProblem, checklistProblemMessage, validateChecklist } from '../../../shared/src/checklists/validate.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { DomainEvents } from '../common/domain-events.js';
import { ChecklistStatus, ChecklistVersionEntity } from './checklist-version.entity.js';

export const toChecklistDto = (v: ChecklistVersionEntity): ChecklistVersion => ({
  id: v.id,
  version: v.version,
  status: v.status,
  note: v.note,
  createdAt: v.createdAt.toISOString(),
  publishedAt: v.publishedAt?.toISOString() ?? null,
  sections: v.sections,
});

/** 400 CHECKLIST_INVALID: every problem with its code and params, and in English in `message`. */
function checklistInvalid(problems: ChecklistProblem[]): DomainError {
  const details = problems.map((p) => ({ ...p, message: checklistProblemMessage(p) }));
  return new DomainError('CHECKLIST_INVALID', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
}

@Injectable()
export class ChecklistsService implements OnApplicationBootstrap {
  constructor(
    @InjectRepository(ChecklistVersionEntity) private readonly versions: Repository<ChecklistVersionEntity>,
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** A new database starts with the service standard of DOMAIN.md as version 1. */
  async onApplicationBootstrap(): Promise<void> {
    await this.db.query(
      `INSERT INTO checklist_versions (version, status, sections, note, "publishedAt") VALUES (1, 'published', $1, $2, now()) ON CONFLICT DO NOTHING`,
      [JSON.stringify(DEFAULT_CHECKLIST), '默认服务质量标准：服务态度与处理技巧'],
    );
  }

  async activeEntity(): Promise<ChecklistVersionEntity> {
    const active = await this.versions.findOne({ where: { status: ChecklistStatus.Published }, order: { version: 'DESC' } });
    if (!active) throw notFound('Published checklist');
    return active;
  }

  async active(): Promise<ChecklistVersion> {
    return toChecklistDto(await this.activeEntity());
  }

  async list(): Promise<Page<ChecklistSummary>> {
    const rows = await this.versions.find({ order: { version: 'DESC' } });
    const items = rows.map((v) => {
      const { sections, ...summary } = toChecklistDto(v);
      return { ...summary, itemCount: sections.reduce((n, s) => n + s.items.length, 0) };
    });
    return { total: items.length, items };
  }

  async get(id: string): Promise<ChecklistVersionEntity> {
    const version = await this.versions.findOneBy({ id });
    if (!version) throw notFound('Checklist version');
    return version;
  }

  /** Starts the next version as a draft, copied from the active one (or the version named). */
  async createDraft(user: AuthUser, basedOn?: string): Promise<ChecklistVersion> {
    const existing = await this.versions.findOneBy({ status: ChecklistStatus.Draft });
    if (existing) throw new DomainError('DRAFT_EXISTS', `Draft version ${existing.version} already exists: edit or delete it first`, undefined, { params: { version: existing.version } });
    const source = basedOn ? await this.get(basedOn) : await this.activeEntity();
    return this.db.transaction(async (m) => {
      const [{ next }] = await m.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM checklist_versions`);
      const draft = await m.getRepository(ChecklistVersionEntity).save({ version: next, status: ChecklistStatus.Draft, sections: source.sections, createdBy: user.id, note: null });
      await this.audit.record({ userId: user.id, username: user.username, action: 'checklist.draft', detail: { version: next, basedOn: source.version } }, m);
      return toChecklistDto(draft);
    });
  }

  async updateDraft(user: AuthUser, id: string, sections: unknown, note?: string): Promise<ChecklistVersion> {
    const draft = await this.get(id);
    if (draft.status !== ChecklistStatus.Draft) throw new DomainError('VERSION_PUBLISHED', `Version ${draft.version} is published and can no longer change; start a new draft`, undefined, { params: { version: draft.version } });
    const problems = validateChecklist(sections);
    if (problems.length) throw checklistInvalid(problems);
    draft.sections = sections as ChecklistSection[];
    if (note !== undefined) draft.note = note;
    await this.versions.save(draft);
    await this.audit.record({ userId: user.id, username: user.username, action: 'checklist.edit', detail: { version: draft.version } });
    return toChecklistDto(draft);
  }

  async publish(user: AuthUser, id: string): Promise<ChecklistVersion> {
    const draft = await this.get(id);
    if (draft.status !== ChecklistStatus.Draft) throw new DomainError('VERSION_PUBLISHED', `Version ${draft.version} is already published`, undefined, { params: { version: draft.version } });
    const problems = validateChecklist(draft.sections);
    if (problems.length) throw checklistInvalid(problems);
    const published = await this.db.transaction(async (m) => {
      const updated = await m.getRepository(ChecklistVersionEntity).update({ id, status: ChecklistStatus.Draft }, { status: ChecklistStatus.Published, publishedAt: new Date(), publishedBy: user.id });
      if (!updated.affected) throw new DomainError('VERSION_PUBLISHED', `Version ${draft.version} was published meanwhile`, undefined, { params: { version: draft.version } });
      await this.audit.record({ userId: user.id, username: user.username, action: 'checklist.publish', detail: { version: draft.version } }, m);
      return toChecklistDto((await m.getRepository(ChecklistVersionEntity).findOneBy({ id }))!);
    });
    await this.events.emit('checklist.published', { checklistVersionId: id, version: published.version });
    return published;
  }

  async deleteDraft(user: AuthUser, id: string): Promise<void> {
    const draft = await this.get(id);
    if (draft.status !== ChecklistStatus.Draft) throw new DomainError('VERSION_PUBLISHED', `Version ${draft.version} is published and is kept for the evaluations scored with it`, undefined, { params: { version: draft.version } });
    await this.versions.delete({ id });
    await this.audit.record({ userId: user.id, username: user.username, action: 'checklist.discard', detail: { version: draft.version } });
  }
}
