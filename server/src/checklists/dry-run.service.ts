import { Injectable } from '@nestjs/common';
import { type ChecklistDryRun, DRY_RUN_DAYS, DRY_RUN_EXAMPLES, DRY_RUN_MAX_CALLS, type DryRunExample, type DryRunRule } from '#shared/api/checklists.js';
import { itemsOf, rulesOf } from '#shared/checklists/types.js';
import { validateChecklist } from '#shared/checklists/validate.js';
import { maskerFor, type Masker } from '#shared/masking.js';
import { compileRules, runRules } from '#shared/rules/engine.js';
import type { RuleDefinition, Verdict } from '#shared/rules/types.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError } from '#server/common/domain-error.js';
import { ChecklistStatus, type ChecklistVersionEntity } from './checklist-version.entity.js';
import { checklistInvalid, ChecklistsService } from './checklists.service.js';
import { type DryRunCall, type DryRunCursor, DryRunRepository } from './dry-run.repository.js';

const BATCH = 500;
const DAY_MS = 86_400_000;

/** One rule's running counts over the calls of a dry run. */
class RuleTally {
  failBefore = 0;
  failAfter = 0;
  readonly passToFail: DryRunExample[] = [];
  readonly failToPass: DryRunExample[] = [];
  passToFailCount = 0;
  failToPassCount = 0;

  constructor(
    readonly code: string,
    readonly title: string,
    readonly change: DryRunRule['change'],
  ) {}

  /** Counts one call; answers whether its verdict flipped between pass and fail. */
  add(before: Verdict | undefined, after: Verdict | undefined, example: () => DryRunExample): boolean {
    if (before === 'fail') this.failBefore++;
    if (after === 'fail') this.failAfter++;
    if (before === 'pass' && after === 'fail') {
      if (this.passToFailCount++ < DRY_RUN_EXAMPLES) this.passToFail.push(example());
      return true;
    }
    if (before === 'fail' && after === 'pass') {
      if (this.failToPassCount++ < DRY_RUN_EXAMPLES) this.failToPass.push(example());
      return true;
    }
    return false;
  }

  result(): DryRunRule {
    return {
      code: this.code,
      title: this.title,
      change: this.change,
      failBefore: this.failBefore,
      failAfter: this.failAfter,
      passToFail: this.passToFailCount,
      failToPass: this.failToPassCount,
      passToFailExamples: this.passToFail,
      failToPassExamples: this.failToPass,
    };
  }
}

/** The rules of both versions, the draft's order first, then those the draft drops. */
function tallies(active: ChecklistVersionEntity, draft: ChecklistVersionEntity): RuleTally[] {
  const titles = (v: ChecklistVersionEntity) => new Map(itemsOf(v.sections).map((i) => [i.code, i.title]));
  const rules = (v: ChecklistVersionEntity) => new Map(rulesOf(v.sections).map((r) => [r.code, r.rule]));
  const [beforeRules, afterRules] = [rules(active), rules(draft)];
  const [beforeTitles, afterTitles] = [titles(active), titles(draft)];
  const same = (a: RuleDefinition['rule'], b: RuleDefinition['rule']) => JSON.stringify(a) === JSON.stringify(b);
  const out: RuleTally[] = [];
  for (const [code, rule] of afterRules) {
    const before = beforeRules.get(code);
    out.push(new RuleTally(code, afterTitles.get(code) ?? code, !before ? 'added' : same(before, rule) ? 'same' : 'changed'));
  }
  for (const code of beforeRules.keys()) if (!afterRules.has(code)) out.push(new RuleTally(code, beforeTitles.get(code) ?? code, 'removed'));
  return out;
}

const toExample = (call: DryRunCall, mask: Masker): DryRunExample => ({
  recordingId: call.id,
  externalId: mask.text(call.externalId),
  startedAt: call.startedAt.toISOString(),
  agent: call.agent,
});

/**
 * Issue 17: before a draft is published, how many verdicts of a project's recent calls it would
 * flip, per rule. Both versions' rules run on the same calls in this request (the engine is pure and
 * deterministic, so the active version's verdicts are the ones stored), in batches, over at most
 * `maxCalls` calls, the newest.
 */
@Injectable()
export class DryRunService {
  constructor(
    private readonly checklists: ChecklistsService,
    private readonly calls: DryRunRepository,
    private readonly scope: ScopeService,
  ) {}

  async dryRun(user: AuthUser, id: string, query: { project: string; maxCalls?: number }, now = new Date()): Promise<ChecklistDryRun> {
    const draft = await this.checklists.entity(id);
    if (draft.status !== ChecklistStatus.Draft)
      throw new DomainError('VERSION_PUBLISHED', `Version ${draft.version} is published: a dry run is for a draft`, undefined, {
        params: { version: draft.version },
      });
    const project = await this.scope.project(user, query.project, { field: 'project', filter: true });
    const problems = validateChecklist(draft.sections);
    if (problems.length) throw checklistInvalid(problems);
    const active = await this.checklists.activeEntity();
    const [before, after] = [compileRules(rulesOf(active.sections)), compileRules(rulesOf(draft.sections))];
    const rules = tallies(active, draft);
    const mask = maskerFor(user.roles);
    const maxCalls = query.maxCalls ?? DRY_RUN_MAX_CALLS;
    const to = now;
    const from = new Date(now.getTime() - DRY_RUN_DAYS * DAY_MS);

    const eligible = await this.calls.count(project.id, from, to);
    let checked = 0;
    let callsFlipped = 0;
    let cursor: DryRunCursor | null = null;
    while (checked < maxCalls) {
      const batch = await this.calls.batch(project.id, from, to, Math.min(BATCH, maxCalls - checked), cursor);
      for (const call of batch.calls) {
        const options = { duration: call.durationSeconds };
        const verdicts = (results: ReturnType<typeof runRules>) => new Map(results.map((r) => [r.code, r.verdict]));
        const [was, will] = [verdicts(runRules(before, call.transcript, options)), verdicts(runRules(after, call.transcript, options))];
        let flipped = false;
        for (const rule of rules) if (rule.add(was.get(rule.code), will.get(rule.code), () => toExample(call, mask))) flipped = true;
        if (flipped) callsFlipped++;
      }
      checked += batch.calls.length;
      cursor = batch.cursor;
      if (batch.calls.length === 0 || !cursor) break;
    }
    return {
      checklistVersion: draft.version,
      activeVersion: active.version,
      project: project.code,
      days: DRY_RUN_DAYS,
      from: from.toISOString(),
      to: to.toISOString(),
      eligible,
      checked,
      maxCalls,
      sample: checked < eligible,
      callsFlipped,
      rules: rules.map((r) => r.result()),
    };
  }
}
