import { DomainError, type ErrorDetail } from '@kakehashi/kernel';

/** How many problems an error lists; the rest are counted. A broken 10,000-row file is not a 50,000-line answer. */
export const MAX_LISTED_PROBLEMS = 100;

/**
 * A document that is not valid kakehashi/v1: BAD_USER_INPUT whose `details` are the first
 * MAX_LISTED_PROBLEMS problems, each with its JSON path; `problemCount` is the total.
 */
export class InvalidDocumentError extends DomainError {
  constructor(
    readonly problemCount: number,
    details: readonly ErrorDetail[],
  ) {
    const listed = problemCount > details.length ? ` (the first ${details.length} are listed)` : '';
    super('BAD_USER_INPUT', `The document is not valid kakehashi/v1: ${problemCount} problem${problemCount === 1 ? '' : 's'}${listed}; nothing was imported`, details, 'INVALID_DOCUMENT');
    this.name = 'InvalidDocumentError';
  }
}

export const invalidDocument = (problems: readonly ErrorDetail[]): InvalidDocumentError =>
  new InvalidDocumentError(problems.length, problems.slice(0, MAX_LISTED_PROBLEMS));
