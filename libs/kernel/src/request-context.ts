import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** Who is acting. `null` actor = anonymous (the public). */
export interface Actor {
  id: string;
  roles: readonly string[];
  /** Municipality ids this actor may edit (editors). */
  municipalityIds: readonly string[];
  /** The session (refresh-token family) a signed-in account acts in; absent for other actors. */
  sessionId?: string;
}

/**
 * Travels as the first argument of every service method: who acts, for which request, and the
 * open transaction (if any) that repositories must use. No locale: the API answers in both
 * languages (`labelEn`/`labelJa`, `nameEn`/`nameJa`) and clients choose; error messages are
 * English with contract codes that clients translate.
 */
export interface RequestContext {
  readonly requestId: string;
  readonly actor: Actor | null;
  /** Set inside `withTransaction`; repositories read it through `managerFor(ctx)`. */
  readonly transaction?: EntityManager;
}

export function createRequestContext(init: Partial<RequestContext> = {}): RequestContext {
  return { requestId: init.requestId ?? randomUUID(), actor: init.actor ?? null, transaction: init.transaction };
}

/** A context for work that no person started: CLI commands, boot-time seeding. */
export function systemContext(requestId = 'system'): RequestContext {
  return createRequestContext({ requestId, actor: { id: 'system', roles: ['SYSTEM'], municipalityIds: [] } });
}

/** Roles of signed-in actors. Anonymous callers have none. */
export const Role = { ADMIN: 'ADMIN', COORDINATOR: 'COORDINATOR', EDITOR: 'EDITOR' } as const;
export type Role = keyof typeof Role;

/** Actors who may change any municipality's records: coordinators (admins are coordinators too) and the system. */
export function editsEverything(actor: Actor | null): boolean {
  return !!actor && (actor.roles.includes(Role.COORDINATOR) || actor.roles.includes(Role.ADMIN) || actor.roles.includes('SYSTEM'));
}
