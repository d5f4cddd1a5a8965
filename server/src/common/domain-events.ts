import { Global, Injectable, Logger, Module } from '@nestjs/common';

/** What one part of the domain tells others after its change has committed. */
export interface DomainEventMap {
  /** A recording arrived with a transcript, or its transcript was attached or replaced. */
  'recording.transcript-changed': { recordingIds: string[] };
  'checklist.published': { checklistVersionId: string; version: number };
}

type Listener<K extends keyof DomainEventMap> = (event: DomainEventMap[K]) => Promise<void> | void;

/**
 * In-process events, so that recordings and checklists need not know who reacts to them
 * (automatic checks today). A listener's failure is logged, never thrown at the emitter: the
 * change it reacts to has already been stored, and sweeps catch up what a listener missed.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('Events');
  private readonly listeners = new Map<keyof DomainEventMap, Listener<never>[]>();

  on<K extends keyof DomainEventMap>(name: K, listener: Listener<K>): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener as Listener<never>]);
  }

  async emit<K extends keyof DomainEventMap>(name: K, event: DomainEventMap[K]): Promise<void> {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        await (listener as Listener<K>)(event);
      } catch (e) {
        this.logger.error(`${name} listener failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}

@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
