import type { Readable } from 'node:stream';
import chain from 'stream-chain';
import { none } from 'stream-chain/defs.js';
import { parser } from 'stream-json';
import type { Token } from 'stream-json/parser.js';
import Assembler from 'stream-json/assembler.js';
import { invalidDocument } from '../interchange.errors';

/**
 * A document as a sequence of parts, in the order they are written: top-level fields, and each
 * top-level array with its elements one at a time. Whether it came parsed or as a stream of bytes,
 * the importer sees the same parts, so it holds one record at a time.
 */
export type DocumentPart =
  | { kind: 'notAnObject'; value: unknown }
  | { kind: 'field'; name: string; value: unknown }
  | { kind: 'array'; name: string }
  | { kind: 'element'; index: number; value: unknown }
  | { kind: 'endArray' };

/** The parts of a parsed document. */
export function* partsOf(doc: unknown): Generator<DocumentPart> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    yield { kind: 'notAnObject', value: doc };
    return;
  }
  for (const [name, value] of Object.entries(doc)) {
    if (!Array.isArray(value)) {
      yield { kind: 'field', name, value };
      continue;
    }
    yield { kind: 'array', name };
    for (let index = 0; index < value.length; index++) yield { kind: 'element', index, value: value[index] };
    yield { kind: 'endArray' };
  }
}

const SCALARS: Record<string, (t: Token) => unknown> = {
  stringValue: (t) => (t as { value: string }).value,
  numberValue: (t) => Number((t as { value: string }).value),
  nullValue: () => null,
  trueValue: () => true,
  falseValue: () => false,
};

/**
 * Turns the token stream of stream-json into document parts: an Assembler builds one value at a
 * time (a top-level field, or one element of a top-level array), so memory holds one record
 * whatever the size of the document.
 */
function partMaker(): (token: Token) => DocumentPart | typeof none {
  let depth = 0;
  let key: string | null = null;
  let inArray = false;
  let index = 0;
  let assembler: Assembler | null = null;
  const assembled = (value: unknown): DocumentPart =>
    depth === 0 ? { kind: 'notAnObject', value } : inArray ? { kind: 'element', index: index++, value } : { kind: 'field', name: key!, value };

  return (token) => {
    if (assembler) {
      assembler.consume(token);
      if (!assembler.done) return none;
      const value = assembler.current;
      assembler = null;
      return assembled(value);
    }
    const scalar = SCALARS[token.name];
    if (depth === 0) {
      if (token.name === 'startObject') {
        depth = 1;
        return none;
      }
      if (scalar) return assembled(scalar(token));
      return (assembler = startAssembling(token)), none;
    }
    if (depth === 1) {
      if (token.name === 'keyValue') {
        key = token.value;
        return none;
      }
      if (token.name === 'endObject') return (depth = 0), none;
      if (token.name === 'startArray') {
        depth = 2;
        inArray = true;
        index = 0;
        return { kind: 'array', name: key! };
      }
      if (scalar) return assembled(scalar(token));
      return (assembler = startAssembling(token)), none;
    }
    // depth 2: inside a top-level array
    if (token.name === 'endArray') {
      depth = 1;
      inArray = false;
      return { kind: 'endArray' };
    }
    if (scalar) return assembled(scalar(token));
    return (assembler = startAssembling(token)), none;
  };
}

function startAssembling(token: Token): Assembler {
  const assembler = new Assembler();
  assembler.consume(token);
  return assembler;
}

/**
 * The parts of a document read from a byte stream (a file, stdin). Malformed JSON is
 * BAD_USER_INPUT at `$`, as for a parsed document. `onBytes` reports how much has been read.
 */
export async function* partsOfStream(input: Readable, onBytes?: (bytes: number) => void): AsyncGenerator<DocumentPart> {
  if (onBytes) {
    let bytes = 0;
    input.on('data', (chunk: Buffer | string) => onBytes((bytes += chunk.length)));
  }
  // Packed values only: one token per key, string and number (streamed chunks would triple the tokens).
  const pipeline = chain([input, parser({ packValues: true, streamValues: false }), partMaker()]);
  try {
    for await (const part of pipeline) yield part as DocumentPart;
  } catch (e) {
    throw invalidDocument([{ path: '$', message: `is not valid JSON: ${(e as Error).message}` }]);
  } finally {
    pipeline.destroy();
    input.destroy();
  }
}
