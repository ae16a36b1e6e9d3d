import { badInput } from '@kakehashi/kernel';
import type { PartnershipStatus } from '../directory.enums';

/**
 * The life of a partnership. COMPLETED and CANCELLED are final; DORMANT can wake up.
 * PROPOSED → AGREED → ACTIVE → COMPLETED, with CANCELLED reachable until completion.
 */
export const PARTNERSHIP_TRANSITIONS: Readonly<Record<PartnershipStatus, readonly PartnershipStatus[]>> = {
  PROPOSED: ['AGREED', 'CANCELLED'],
  AGREED: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['COMPLETED', 'DORMANT', 'CANCELLED'],
  DORMANT: ['ACTIVE', 'COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export function canTransition(from: PartnershipStatus, to: PartnershipStatus): boolean {
  return PARTNERSHIP_TRANSITIONS[from].includes(to);
}

/** Throws BAD_USER_INPUT (reason INVALID_TRANSITION) naming the allowed next states. */
export function assertTransition(from: PartnershipStatus, to: PartnershipStatus): void {
  if (canTransition(from, to)) return;
  const allowed = PARTNERSHIP_TRANSITIONS[from];
  throw badInput(
    `A partnership cannot go from ${from} to ${to}`,
    [{ path: 'status', message: allowed.length ? `from ${from} the allowed next states are ${allowed.join(', ')}` : `${from} is final` }],
    'INVALID_TRANSITION',
  );
}

/** An ACTIVE partnership whose end year is over on `today` (YYYY-MM-DD): it should be completed, or its end moved. */
export function isPastEnd(p: { status: PartnershipStatus | string; endYear: number | null }, today: string): boolean {
  return p.status === 'ACTIVE' && p.endYear !== null && p.endYear < Number(today.slice(0, 4));
}
