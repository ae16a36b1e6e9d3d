import { isCountryCode, isIsoDate, isSlug, SLUG_MAX_LENGTH } from '@kakehashi/kernel';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/*
 * class-validator decorators for the arguments that are not directory records (filters, lookups,
 * need life changes). They call the record rules' own checks (@kakehashi/kernel), so a key, a
 * country or a date means the same everywhere.
 */

/** A record key: a lower-case slug (`kawasaki`, `makassar-leakage`). */
export const IsKey = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isKey', validator: { validate: (v) => isSlug(v), defaultMessage: () => `must be a lower-case slug (a-z, 0-9, single hyphens), at most ${SLUG_MAX_LENGTH} characters` } }, options);

/** ISO 3166-1 alpha-2, upper case (`JP`, `ID`). */
export const IsCountryCode = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isCountryCode', validator: { validate: (v) => typeof v === 'string' && isCountryCode(v), defaultMessage: () => 'must be an ISO 3166-1 alpha-2 code in upper case, e.g. JP' } }, options);

/** A calendar date as YYYY-MM-DD that exists (no 2023-02-30), years 1000–9999. */
export const IsCalendarDate = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: (v) => typeof v === 'string' && isIsoDate(v), defaultMessage: () => 'must be a date written YYYY-MM-DD' } }, options);

/** Text with at least one non-space character. */
export const IsNotBlank = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy({ name: 'isNotBlank', validator: { validate: (v) => typeof v === 'string' && v.trim().length > 0, defaultMessage: () => 'must not be empty' } }, options);
