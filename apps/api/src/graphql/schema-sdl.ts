import { NestFactory } from '@nestjs/core';
import type { DynamicModule, Type } from '@nestjs/common';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory, SCALAR_NAME_METADATA } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { AppModule } from '../app.module';

/** First lines of the committed `schema.graphql`. */
export const SCHEMA_FILE_HEADER = '# Generated from the code-first schema by `npm run schema`. Do not edit: change the resolvers and models, then regenerate.\n\n';

type ModuleRef = Type | DynamicModule | Promise<DynamicModule> | { forwardRef: () => ModuleRef } | undefined;

/**
 * Every provider class reachable from `root`'s imports, the way Nest's resolver explorer sees
 * them, without instantiating anything (so no database is needed). Non-resolvers are ignored by
 * the schema factory.
 */
async function providerClasses(root: ModuleRef, seen = new Set<unknown>()): Promise<Type[]> {
  let ref: Exclude<ModuleRef, Promise<DynamicModule>> = await root;
  if (ref && 'forwardRef' in ref) ref = (await ref.forwardRef()) as Type | DynamicModule;
  if (!ref || seen.has(ref)) return [];
  seen.add(ref);
  const dynamic = typeof ref === 'function' ? undefined : ref;
  const moduleClass: Type = dynamic ? dynamic.module : (ref as Type);
  const imports: ModuleRef[] = [...(Reflect.getMetadata('imports', moduleClass) ?? []), ...(dynamic?.imports ?? [])];
  const providers: unknown[] = [...(Reflect.getMetadata('providers', moduleClass) ?? []), ...(dynamic?.providers ?? [])];
  const classes = providers
    .map((p) => (typeof p === 'function' ? p : (p as { useClass?: unknown }).useClass))
    .filter((p): p is Type => typeof p === 'function');
  for (const imported of imports) classes.push(...(await providerClasses(imported, seen)));
  return classes;
}

/** Sorted SDL of a schema, as committed. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return SCHEMA_FILE_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/**
 * The API's schema as SDL, built from the same resolvers and scalars the running server uses
 * (the e2e drift test compares the two), with no database or HTTP server.
 */
export async function buildSchemaSdl(): Promise<string> {
  const classes = [...new Set(await providerClasses(AppModule.forRoot()))];
  const scalars = classes.filter((c) => Reflect.getMetadata(SCALAR_NAME_METADATA, c));
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    const schema = await context.get(GraphQLSchemaFactory).create(classes, scalars);
    return printSortedSchema(schema);
  } finally {
    await context.close();
  }
}
