import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ChecklistSection } from '#shared/checklists/types.js';
import type { Transaction } from '#server/database/transaction.js';
import { ChecklistStatus, ChecklistVersionEntity } from './checklist-version.entity.js';

@Injectable()
export class ChecklistVersionRepository {
  constructor(@InjectRepository(ChecklistVersionEntity) private readonly orm: Repository<ChecklistVersionEntity>) {}

  private repo(tx?: Transaction): Repository<ChecklistVersionEntity> {
    return tx ? tx.getRepository(ChecklistVersionEntity) : this.orm;
  }

  /**
   * The active version, the one new evaluations and the automatic checks use: the latest published.
   * The only place that rule is written; everything else asks this (or is handed its id).
   */
  active(): Promise<ChecklistVersionEntity | null> {
    return this.orm.findOne({ where: { status: ChecklistStatus.Published }, order: { version: 'DESC' } });
  }

  /** Newest first. */
  list(): Promise<ChecklistVersionEntity[]> {
    return this.orm.find({ order: { version: 'DESC' } });
  }

  byId(id: string, tx?: Transaction): Promise<ChecklistVersionEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  /** There is at most one draft at a time. */
  draft(tx?: Transaction): Promise<ChecklistVersionEntity | null> {
    return this.repo(tx).findOneBy({ status: ChecklistStatus.Draft });
  }

  /** Serialises the writers of the draft inside their transactions (the scoring notes of calibration sessions). */
  async lockDrafts(tx: Transaction): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('checklist-draft', 0))`);
  }

  async updateSections(id: string, sections: ChecklistSection[], tx: Transaction): Promise<void> {
    await tx.getRepository(ChecklistVersionEntity).update({ id, status: ChecklistStatus.Draft }, { sections });
  }

  /** Version 1, published, when the table is empty (a new database); nothing otherwise. */
  async insertFirst(sections: ChecklistSection[], note: string): Promise<void> {
    await this.orm.query(
      `INSERT INTO checklist_versions (version, status, sections, note, "publishedAt") VALUES (1, 'published', $1, $2, now()) ON CONFLICT DO NOTHING`,
      [JSON.stringify(sections), note],
    );
  }

  /** The next version number as a draft. */
  async insertDraft(values: { sections: ChecklistSection[]; createdBy: string }, tx: Transaction): Promise<ChecklistVersionEntity> {
    const [{ next }] = await tx.query(`SELECT COALESCE(max(version), 0) + 1 AS next FROM checklist_versions`);
    return tx
      .getRepository(ChecklistVersionEntity)
      .save({ version: next, status: ChecklistStatus.Draft, sections: values.sections, createdBy: values.createdBy, note: null });
  }

  save(version: ChecklistVersionEntity): Promise<ChecklistVersionEntity> {
    return this.orm.save(version);
  }

  /** Publishes a draft; false when it was no longer a draft (published meanwhile). */
  async publish(id: string, publishedBy: string, tx?: Transaction): Promise<boolean> {
    const updated = await this.repo(tx).update({ id, status: ChecklistStatus.Draft }, { status: ChecklistStatus.Published, publishedAt: new Date(), publishedBy });
    return !!updated.affected;
  }

  async delete(id: string): Promise<void> {
    await this.orm.delete({ id });
  }
}
