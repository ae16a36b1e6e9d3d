import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageRequest {
  first: number;
  /** Offset decoded from the `after` cursor (the number of rows to skip). */
  offset: number;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  /** Offset of the first item; cursors are derived from it. */
  offset: number;
  hasNextPage: boolean;
}

const CURSOR_PREFIX = 'o:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argName = 'after'): number {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const n = raw.startsWith(CURSOR_PREFIX) ? Number(raw.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) {
    throw badInput(`${argName} is not a valid cursor`, [{ path: argName, message: 'not a cursor returned by this API' }]);
  }
  return n;
}

/** Validates `first` (1..100) and decodes `after` into an offset. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`, [{ path: 'first', message: `must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${size}` }]);
  }
  // The cursor is the offset of the last item seen; the next page starts after it.
  return { first: size, offset: after ? decodeCursor(after) + 1 : 0 };
}
