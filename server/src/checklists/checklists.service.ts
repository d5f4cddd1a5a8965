import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { ChecklistSummary, ChecklistVersion } from '#shared/api/checklists.js';
import type { Page } from '#shared/api/page.js';
import { DEFAULT_CHECKLIST } from '#shared/checklists/default-checklist.js';
import type { ChecklistSection } from '#shared/checklists/types.js';
import { type ChecklistProblem, checklistProblemMessage, validateChecklist } from '#shared/checklists/validate.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { DomainError, notFound } from '#server/common/domain-error.js';
import { DomainEvents } from '#server/common/domain-events.js';
import { type Transaction, TransactionRunner } from '#server/database/transaction.js';
import { ChecklistStatus, type ChecklistVersionEntity } from './checklist-version.entity.js';
import { ChecklistVersionRepository } from './checklist-version.repository.js';
import { toChecklistSummary, toChecklistVersion } from './checklist.mapper.js';

/** 400 CHECKLIST_INVALID: every problem with its code and params, and in English in `message`. */
export function checklistInvalid(problems: ChecklistProblem[]): DomainError {
  const details = problems.map((p) => ({ ...p, message: checklistProblemMessage(p) }));
  return new DomainError('CHECKLIST_INVALID', details.map((d) => `${d.field}: ${d.message}`).join('; '), details);
}

@Injectable()
export class ChecklistsService implements OnApplicationBootstrap {
  constructor(
    private readonly versions: ChecklistVersionRepository,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** A new database starts with the service standard of DOMAIN.md as version 1. */
  async onApplicationBootstrap(): Promise<void> {
    await this.versions.insertFirst(DEFAULT_CHECKLIST, '默认服务质量标准：服务态度与处理技巧');
  }

  /** The version new evaluations and the automatic checks use. */
  async activeEntity(): Promise<ChecklistVersionEntity> {
    const active = await this.versions.active();
    if (!active) throw notFound('Published checklist');
    return active;
  }

  async active(): Promise<ChecklistVersion> {
    return toChecklistVersion(await this.activeEntity());
  }

  async list(): Promise<Page<ChecklistSummary>> {
    const items = (await this.versions.list()).map(toChecklistSummary);
    return { total: items.length, items };
  }

  async get(id: string): Promise<ChecklistVersion> {
    return toChecklistVersion(await this.entity(id));
  }

  /** A version as stored, e.g. the one an evaluation was scored with. */
  async entity(id: string): Promise<ChecklistVersionEntity> {
    const version = await this.versions.byId(id);
    if (!version) throw notFound('Checklist version');
    return version;
  }

  /**
   * The checklist is the whole centre's: every project scores against the active version. Changing
   * it takes someone who sees every project (an admin, or a supervisor given "all projects"), never a
   * supervisor bound to one project (issue 11, finding 13).
   */
  private requireWholeCentre(user: AuthUser): void {
    if (!user.seesAll) throw new DomainError('ALL_PROJECTS_ONLY', 'Forbidden: the checklist is centre-wide; only a supervisor who sees all projects may change it');
  }

  /** Starts the next version as a draft, copied from the active one (or the version named). */
  async createDraft(user: AuthUser, basedOn?: string): Promise<ChecklistVersion> {
    this.requireWholeCentre(user);
    const existing = await this.versions.draft();
    if (existing)
      throw new DomainError('DRAFT_EXISTS', `Draft version ${existing.version} already exists: edit or delete it first`, undefined, {
        params: { version: existing.version },
      });
    const source = basedOn ? await this.entity(basedOn) : await this.activeEntity();
    return this.transaction.run(async (tx) => {
      const draft = await this.versions.insertDraft({ sections: source.sections, createdBy: user.id }, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'checklist.draft', detail: { version: draft.version, basedOn: source.version } }, tx);
      return toChecklistVersion(draft);
    });
  }

  /**
   * Issue 15: a calibration session's guidance goes into the next checklist draft as each item's scoring
   * note, inside the caller's transaction. The draft is started from the active version when there is
   * none (audited as any draft); publishing it stays the whole centre's supervisor's decision. Answers
   * the draft's version for each code, null where the draft has no such item.
   */
  async writeScoringNotes(user: AuthUser, notes: { code: string; text: string }[], tx: Transaction): Promise<Map<string, number | null>> {
    await this.versions.lockDrafts(tx);
    let draft = await this.versions.draft(tx);
    if (!draft) {
      const source = await this.activeEntity();
      draft = await this.versions.insertDraft({ sections: source.sections, createdBy: user.id }, tx);
      await this.audit.record(
        { userId: user.id, username: user.username, action: 'checklist.draft', detail: { version: draft.version, basedOn: source.version, from: 'calibration' } },
        tx,
      );
    }
    const byCode = new Map(notes.map((n) => [n.code, n.text]));
    const written = new Map<string, number | null>(notes.map((n) => [n.code, null]));
    const sections = draft.sections.map((section) => ({
      ...section,
      items: section.items.map((item) => {
        const note = byCode.get(item.code);
        if (note === undefined) return item;
        written.set(item.code, draft.version);
        const { scoringNote: _old, ...rest } = item;
        return note ? { ...rest, scoringNote: note } : rest;
      }),
    }));
    await this.versions.updateSections(draft.id, sections, tx);
    await this.audit.record(
      { userId: user.id, username: user.username, action: 'checklist.edit', detail: { version: draft.version, scoringNotes: [...byCode.keys()] } },
      tx,
    );
    return written;
  }

  async updateDraft(user: AuthUser, id: string, sections: unknown, note?: string): Promise<ChecklistVersion> {
    this.requireWholeCentre(user);
    const draft = await this.entity(id);
    if (draft.status !== ChecklistStatus.Draft)
      throw new DomainError('VERSION_PUBLISHED', `Version ${draft.version} is published and can no longer change; start a new draft`, undefined, {
        params: { version: draft.version },
      });
    const problems = validateChecklist(sections);
    if (problems.length) throw checklistInvalid(problems);
    draft.sections = sections as ChecklistSection[];
    if (note !== undefined) draft.note = note;
    await this.versions.save(draft);
    await this.audit.record({ userId: user.id, username: user.username, action: 'checklist.edit', detail: { version: draft.version } });
    return toChecklistVersion(draft);
  }

  async publish(user: AuthUser, id: string): Promise<ChecklistVersion> {
    this.requireWholeCentre(user);
    const draft = await this.entity(id);
    if (draft.status !== ChecklistStatus.Draft)
      throw new DomainError('VERSION_PUBLISHED', `Version ${draft.version} is already published`, undefined, { params: { version: draft.version } });
    const problems = validateChecklist(draft.sections);
    if (problems.length) throw checklistInvalid(problems);
    const published = await this.transaction.run(async (tx) => {
      if (!(await this.versions.publish(id, user.id, tx)))
        throw new DomainError('VERSION_PUBLISHED', `Version ${draft.version} was published meanwhile`, undefined, { params: { version: draft.version } });
      await this.audit.record({ userId: user.id, username: user.username, action: 'checklist.publish', detail: { version: draft.version } }, tx);
      return toChecklistVersion((await this.versions.byId(id, tx))!);
    });
    await this.events.emit('checklist.published', { checklistVersionId: id, version: published.version });
    return published;
  }

  async deleteDraft(user: AuthUser, id: string): Promise<void> {
    this.requireWholeCentre(user);
    const draft = await this.entity(id);
    if (draft.status !== ChecklistStatus.Draft)
      throw new DomainError('VERSION_PUBLISHED', `Version ${draft.version} is published and is kept for the evaluations scored with it`, undefined, {
        params: { version: draft.version },
      });
    await this.versions.delete(id);
    await this.audit.record({ userId: user.id, username: user.username, action: 'checklist.discard', detail: { version: draft.version } });
  }
}
