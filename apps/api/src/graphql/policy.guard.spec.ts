import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import type { AccessTokenService } from '@kakehashi/auth';
import { isDomainError, Role, type Actor } from '@kakehashi/kernel';
import { Allow, Public } from './policy';
import { PolicyGuard } from './policy.guard';

class Resolvers {
  @Public()
  open(): void {}

  @Allow(Role.COORDINATOR)
  coordinators(): void {}

  undeclared(): void {}
}

const editor: Actor = { id: 'e', roles: [Role.EDITOR], municipalityIds: [] };
const tokens = { actorFromAuthorization: async (h?: string) => (h === 'Bearer editor' ? editor : null) } as unknown as AccessTokenService;
const guard = new PolicyGuard(new Reflector(), tokens);

function context(handler: keyof Resolvers, authorization?: string): ExecutionContext {
  const req = { headers: { authorization } };
  const args = [{}, {}, { req }, {}];
  return {
    getType: () => 'graphql',
    getHandler: () => Resolvers.prototype[handler],
    getClass: () => Resolvers,
    getArgs: () => args,
    getArgByIndex: (i: number) => args[i],
    switchToHttp: () => ({}),
    switchToRpc: () => ({}),
    switchToWs: () => ({}),
  } as unknown as ExecutionContext;
}

async function outcome(handler: keyof Resolvers, authorization?: string): Promise<string> {
  try {
    return (await guard.canActivate(context(handler, authorization))) ? 'allowed' : 'refused';
  } catch (e) {
    return isDomainError(e) ? e.code : String(e);
  }
}

describe('PolicyGuard', async () => {
  it('denies an operation that declares no policy, even to a signed-in actor', async () => {
    expect(await outcome('undeclared')).toBe('FORBIDDEN');
    expect(await outcome('undeclared', 'Bearer editor')).toBe('FORBIDDEN');
  });

  it('lets anyone call @Public() operations', async () => {
    expect(await outcome('open')).toBe('allowed');
  });

  it('asks anonymous callers to sign in and refuses the wrong role', async () => {
    expect(await outcome('coordinators')).toBe('UNAUTHENTICATED');
    expect(await outcome('coordinators', 'Bearer editor')).toBe('FORBIDDEN');
  });
});
