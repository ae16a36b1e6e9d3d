import { Scalar, type CustomScalar } from '@nestjs/graphql';
import type { ValueNode } from 'graphql';

/** Any JSON value, output only (audit snapshots). Nest builds the GraphQLScalarType, with its own graphql-js copy. */
@Scalar('JSON')
export class JsonScalar implements CustomScalar<unknown, unknown> {
  description = 'Any JSON value (output only).';

  serialize(value: unknown): unknown {
    return value;
  }

  parseValue(): unknown {
    throw new TypeError('JSON is an output type');
  }

  parseLiteral(_: ValueNode): unknown {
    throw new TypeError('JSON is an output type');
  }
}
