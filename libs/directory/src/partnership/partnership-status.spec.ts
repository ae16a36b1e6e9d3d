import { describe, expect, it } from 'vitest';
import { DomainError } from '@kakehashi/kernel';
import { PartnershipStatus } from '../directory.enums';
import { assertTransition, canTransition, PARTNERSHIP_TRANSITIONS } from './partnership-status';

describe('partnership status transitions', () => {
  it.each([
    ['PROPOSED', 'AGREED', true],
    ['AGREED', 'ACTIVE', true],
    ['ACTIVE', 'COMPLETED', true],
    ['ACTIVE', 'DORMANT', true],
    ['DORMANT', 'ACTIVE', true],
    ['PROPOSED', 'CANCELLED', true],
    ['PROPOSED', 'ACTIVE', false],
    ['PROPOSED', 'COMPLETED', false],
    ['COMPLETED', 'ACTIVE', false],
    ['CANCELLED', 'PROPOSED', false],
    ['ACTIVE', 'ACTIVE', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('covers every status, and final states lead nowhere', () => {
    expect(Object.keys(PARTNERSHIP_TRANSITIONS).sort()).toEqual(Object.keys(PartnershipStatus).sort());
    expect(PARTNERSHIP_TRANSITIONS.COMPLETED).toEqual([]);
    expect(PARTNERSHIP_TRANSITIONS.CANCELLED).toEqual([]);
  });

  it('refuses with BAD_USER_INPUT / INVALID_TRANSITION naming the allowed states', () => {
    try {
      assertTransition('PROPOSED', 'COMPLETED');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).reason).toBe('INVALID_TRANSITION');
      expect((e as DomainError).details[0]!.message).toMatch(/AGREED, CANCELLED/);
    }
  });
});
