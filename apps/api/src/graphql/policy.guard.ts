import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AccessTokenService } from '@kakehashi/auth';
import { DomainError } from '@kakehashi/kernel';
import type { GqlContext } from './request-context';
import { POLICY_KEY, type Policy } from './policy';

/**
 * Deny by default: an operation without a declared policy is refused. The actor comes from the
 * `Authorization: Bearer …` header: an access token (JWT) from `login`, or the static
 * ADMIN_TOKEN. A header that is present but invalid is UNAUTHENTICATED even on public
 * operations, so a client learns its token expired instead of silently seeing less.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true; // /health and static files have their own routes
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    const { req } = GqlExecutionContext.create(context).getContext<GqlContext>();
    if (req.actor === undefined) req.actor = await this.tokens.actorFromAuthorization(req.headers.authorization);
    if (!policy) throw new DomainError('FORBIDDEN', 'This operation declares no access policy and is denied');
    if (policy.kind === 'public') return true;
    if (!req.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
    if (!policy.roles.some((r) => req.actor!.roles.includes(r))) throw new DomainError('FORBIDDEN', `Requires one of the roles ${policy.roles.join(', ')}`);
    return true;
  }
}
