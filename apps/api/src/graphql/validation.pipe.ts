import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import * as classValidator from 'class-validator';
import { badInput, invalidFields, normaliseRecord, recordProblems, type ErrorDetail } from '@kakehashi/kernel';
import { recordInputSpecOf } from './record-input';

/**
 * class-validator's error tree as one detail per invalid field (its failed rules joined), named by path:
 * `input.members.1.role`. `root` is the argument name (`input`), absent for `@Args()` classes
 * whose properties are the arguments themselves.
 */
export function validationDetails(errors: readonly ValidationError[], root?: string): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const walk = (list: readonly ValidationError[], prefix: string | undefined): void => {
    for (const error of list) {
      const path = prefix ? `${prefix}.${error.property}` : error.property;
      // class-validator's default messages start with the property's name: the path says it already.
      const messages = Object.values(error.constraints ?? {}).map((m) => (m.startsWith(`${error.property} `) ? m.slice(error.property.length + 1) : m));
      if (messages.length) details.push({ path, message: messages.join('; ') });
      if (error.children?.length) walk(error.children, path);
    }
  };
  walk(errors, root);
  return details;
}

/** Carries class-validator's errors from the exception factory to `transform`, which knows the argument name. */
class ValidationFailure {
  constructor(readonly errors: ValidationError[]) {}
}

/**
 * The API's validation: directory record inputs (`@RecordInput`) against the shared record rules;
 * every other `@Args` class by its class-validator rules. Failures become BAD_USER_INPUT with one
 * detail per field, all of them at once. Our own copies of class-validator/-transformer are
 * handed over so the pipe sees the metadata our decorators wrote.
 */
export class DomainValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      // Input classes without rules (validated elsewhere, e.g. accounts) pass through untouched.
      forbidUnknownValues: false,
      validatorPackage: classValidator,
      transformerPackage: classTransformer,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new ValidationFailure(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const record = recordInputSpecOf(metadata.metatype);
    if (record) {
      // A directory record: the one rule set (the importer's too), every problem at once; stored NFC.
      const problems = recordProblems(record.rules, value, { partial: record.partial });
      if (problems.length) throw invalidFields(problems, metadata.type === 'custom' ? undefined : metadata.data);
      return normaliseRecord(value);
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ValidationFailure)) throw error;
      const details = validationDetails(error.errors, metadata.type === 'custom' ? undefined : metadata.data);
      const relative = (path: string) => (metadata.data && path.startsWith(`${metadata.data}.`) ? path.slice(metadata.data.length + 1) : path);
      throw badInput(`Invalid input: ${details.map((d) => `${relative(d.path)} ${d.message}`).join('; ')}`, details);
    }
  }
}
