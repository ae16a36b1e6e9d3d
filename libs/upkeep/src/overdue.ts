import { addDays, todayIn } from '@kakehashi/directory';

/** The last request day that is at least `days` days old on `today`. */
export const overdueCutoff = (today: string, days: number): string => addDays(today, -days);

/**
 * An introduction nobody has answered for `days` days (INTRODUCTION_OVERDUE_DAYS, default 30),
 * counting calendar days in `timeZone` from the day it was requested.
 */
export function isOverdueIntroduction(introduction: { status: string; createdAt: Date }, today: string, timeZone: string, days: number): boolean {
  return introduction.status === 'REQUESTED' && todayIn(timeZone, introduction.createdAt) <= overdueCutoff(today, days);
}
