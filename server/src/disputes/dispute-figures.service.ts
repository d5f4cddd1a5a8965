import { Injectable } from '@nestjs/common';
import { DisputeRepository } from './dispute.repository.js';

/** Dispute figures for other domains' pages (the inspector-consistency page), without the disputes' workflow. */
@Injectable()
export class DisputeFiguresService {
  constructor(private readonly repo: DisputeRepository) {}

  /**
   * Per inspector (user id): items disputed on his evaluations and items upheld against him, of the
   * disputes raised from `from` to `to` (the centre's local days) in the projects given (null: all);
   * `dates: 'call'` counts instead the disputes on evaluations whose calls fall in those days.
   */
  upheldByInspector(
    projectIds: string[] | null,
    from: string,
    to: string,
    dates: 'raised' | 'call' = 'raised',
  ): Promise<{ inspectorId: string; disputedItems: number; upheldItems: number }[]> {
    return this.repo.upheldByInspector(projectIds, from, to, dates);
  }
}
