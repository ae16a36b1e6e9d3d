import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_KEY, type Policy } from '../src/graphql/policy';
import { startTestApi, type TestApi } from './api-harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

/** `Query.name` / `Mutation.name` → the policy its resolver method declares (or null), from Nest's own metadata. */
function declaredPolicies(): Map<string, Policy | null> {
  const found = new Map<string, Policy | null>();
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const method = Object.getOwnPropertyDescriptor(proto, key)?.value as unknown; // never run getters
        if (typeof method !== 'function' || key === 'constructor') continue;
        const rootType = Reflect.getMetadata('graphql:resolver_type', method) as string | undefined;
        if (rootType !== 'Query' && rootType !== 'Mutation') continue;
        const name = (Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? key;
        const policy = (Reflect.getMetadata(POLICY_KEY, method) ?? Reflect.getMetadata(POLICY_KEY, instance.constructor) ?? null) as Policy | null;
        found.set(`${rootType}.${name}`, policy);
      }
    }
  }
  return found;
}

describe('every operation declares its access policy', () => {
  it('walks the schema: each Query and Mutation field has a resolver with @Public() or @Allow(...)', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ].sort();
    const declared = declaredPolicies();
    expect(fields.length).toBeGreaterThan(20);
    const undeclared = fields.filter((f) => !declared.get(f));
    expect(undeclared, 'operations without @Public() or @Allow(...): add one').toEqual([]);
    expect([...declared.keys()].filter((k) => !fields.includes(k)), 'resolvers not found in the schema').toEqual([]);
    const roleLists = [...declared.values()].flatMap((p) => (p?.kind === 'roles' ? [p.roles] : []));
    expect(roleLists.every((roles) => roles.length > 0)).toBe(true);
  });

  it('keeps coordinator-only reads closed to the public and to editors', () => {
    const declared = declaredPolicies();
    expect(declared.get('Query.topics')).toEqual({ kind: 'public' });
    for (const op of ['Query.auditLog', 'Query.accounts']) expect(declared.get(op)).toEqual({ kind: 'roles', roles: ['COORDINATOR'] });
  });
});
