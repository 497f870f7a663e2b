import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NewScheduledState } from '../presence/presence-store';

export interface CallEndedContext {
  agentId: string;
  teamId: string | null;
  callId: string;
  endedAt: Date;
  /** Highest hostile severity reported for the call so far (null when none). */
  hostileSeverity: number | null;
  now: Date;
  manager: EntityManager;
  /**
   * Every agent whose call ends in the same batch (this one included), so a hook can read what it
   * needs for all of them in one query instead of one per event. The batch's history is read
   * before any of it is written, so the answer is the same either way.
   */
  batchAgentIds: string[];
}

export interface HostileFlaggedContext {
  agentId: string;
  teamId: string | null;
  callId: string;
  severity: number;
  source: 'sentiment' | 'agent' | 'supervisor';
  /** When the call ended, or null while it is still going on (the flag then applies at its end). */
  callEndedAt: Date | null;
  /** Severity already reported for this call before this flag (a re-report raises, never stacks). */
  previousSeverity: number | null;
  now: Date;
  manager: EntityManager;
}

/** What one batch did to its calls, told once per batch (after presence is written). */
export interface CallBatchContext {
  /** Calls answered in the batch (an answer and an end of one call in the same batch: both lists). */
  answered: string[];
  /** Calls ended in the batch, each once (at its last end in the batch, as the calls table keeps it). */
  ended: Array<{ callId: string; endedAt: Date }>;
  now: Date;
  manager: EntityManager;
}

/** Agents whose call events of one batch left them free (available), after presence and load are written. */
export interface AgentsFreedContext {
  agentIds: string[];
  now: Date;
  manager: EntityManager;
}

/**
 * A call was answered by an agent in protected time: an enforced state (recovery, counselling, a
 * micro-break or booked break, or one due after the wrap-up) or the agent's own not_ready. Which
 * one is deliberately not said: a counselling session must look like the agent's own not_ready.
 */
export interface ProtectedTimeBreachContext {
  agentId: string;
  teamId: string | null;
  callId: string;
  answeredAt: Date;
  now: Date;
  manager: EntityManager;
}

/** What a feature may do at these moments: schedule breaks for the agent (applied once it is free). */
export interface CallLifecycleHook {
  afterCallEnded?(ctx: CallEndedContext): Promise<NewScheduledState[]>;
  afterHostileFlagged?(ctx: HostileFlaggedContext): Promise<NewScheduledState[]>;
  /** A batch's answered and ended calls, in one call (the queue moves its calls on in one statement). */
  afterBatch?(ctx: CallBatchContext): Promise<void>;
  afterProtectedTimeBreached?(ctx: ProtectedTimeBreachContext): Promise<void>;
  /** Agents freed by the batch (the queue offers them waiting calls in the same transaction). */
  afterAgentsFreed?(ctx: AgentsFreedContext): Promise<void>;
}

/**
 * The seam where wellbeing policy meets call handling: the calls feature calls these hooks inside
 * its transaction when a call ends or is flagged hostile, and schedules whatever they return.
 */
@Injectable()
export class CallLifecycle {
  private readonly hooks: CallLifecycleHook[] = [];

  register(hook: CallLifecycleHook): void {
    this.hooks.push(hook);
  }

  async callEnded(ctx: CallEndedContext): Promise<NewScheduledState[]> {
    const out: NewScheduledState[] = [];
    for (const h of this.hooks) if (h.afterCallEnded) out.push(...(await h.afterCallEnded(ctx)));
    return out;
  }

  async batchApplied(ctx: CallBatchContext): Promise<void> {
    for (const h of this.hooks) if (h.afterBatch) await h.afterBatch(ctx);
  }

  async protectedTimeBreached(ctx: ProtectedTimeBreachContext): Promise<void> {
    for (const h of this.hooks)
      if (h.afterProtectedTimeBreached) await h.afterProtectedTimeBreached(ctx);
  }

  async agentsFreed(ctx: AgentsFreedContext): Promise<void> {
    for (const h of this.hooks) if (h.afterAgentsFreed) await h.afterAgentsFreed(ctx);
  }

  async hostileFlagged(ctx: HostileFlaggedContext): Promise<NewScheduledState[]> {
    const out: NewScheduledState[] = [];
    for (const h of this.hooks)
      if (h.afterHostileFlagged) out.push(...(await h.afterHostileFlagged(ctx)));
    return out;
  }
}
