import { inputRules, type Field, type RecordRules } from '@kakehashi/kernel';

/** The rule set an input class is checked against, and whether it is an update (fields may be left out). */
export interface RecordInputSpec {
  rules: RecordRules;
  partial: boolean;
}

const SPECS = new WeakMap<object, RecordInputSpec>();

/** What the API never takes from a client: the server sets lastConfirmedOn (ADR 8). */
const SERVER_SET = ['lastConfirmedOn'];

/** The version an update was read at (optimistic locking). */
export const VERSION_FIELD: Field = { rule: { kind: 'integer', min: 1, max: 2_147_483_647 }, required: true };

/**
 * Checks the input class against one of the directory's record rule sets (@kakehashi/kernel
 * RECORD_RULES) — the same rules the importer applies — instead of class-validator decorators.
 * `omit`: fields of the record the input does not take; `extra`: fields only the input has.
 * `partial`: an update, where fields may be left out and `null` clears an optional one.
 */
export function RecordInput(rules: RecordRules, options: { partial?: boolean; omit?: readonly string[]; extra?: Record<string, Field> } = {}): ClassDecorator {
  const spec: RecordInputSpec = { rules: inputRules(rules, { omit: [...SERVER_SET, ...(options.omit ?? [])], extra: options.extra }), partial: options.partial ?? false };
  return (target) => {
    SPECS.set(target, spec);
  };
}

/** The rule set of an input class, when it is a record input. */
export const recordInputSpecOf = (type: unknown): RecordInputSpec | undefined => (typeof type === 'function' ? SPECS.get(type) : undefined);
