import { generate } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

/**
 * The web app's typed operations are generated from schema.graphql and its *.graphql files;
 * this fails when either changed without `npm run schema` (or an operation no longer fits the schema).
 */
describe('generated GraphQL operations', () => {
  it('are current', async () => {
    const outputs = await generate({ ...config, silent: true }, false);
    expect(outputs.length).toBe(1);
    for (const output of outputs) {
      expect(readFileSync(output.filename, 'utf8') === output.content, `${output.filename} is out of date: run \`npm run schema\``).toBe(true);
    }
  }, 60_000);
});
