import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@kakehashi/config';
import { DomainError, Role, type Actor } from '@kakehashi/kernel';
import type { GqlContext } from './request-context';
import { POLICY_KEY, type Policy } from './policy';

const ADMIN_ACTOR: Actor = { id: 'admin-token', roles: [Role.ADMIN], municipalityIds: [] };

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Deny by default: an operation without a declared policy is refused. Until accounts exist the
 * only signed-in actor is the holder of `ADMIN_TOKEN` (Authorization: Bearer …); with it unset,
 * nothing that needs a role can be called.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true; // /health and static files have their own routes
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    const { req } = GqlExecutionContext.create(context).getContext<GqlContext>();
    req.actor ??= this.actorFrom(req.headers.authorization);
    if (policy?.kind === 'public') return true;
    if (!policy) throw new DomainError('FORBIDDEN', 'This operation declares no access policy and is denied');
    if (!req.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
    if (!policy.roles.some((r) => req.actor!.roles.includes(r))) throw new DomainError('FORBIDDEN', `Requires one of the roles ${policy.roles.join(', ')}`);
    return true;
  }

  private actorFrom(header: string | undefined): Actor | null {
    const token = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    if (!token) return null;
    if (this.config.ADMIN_TOKEN && sameSecret(token, this.config.ADMIN_TOKEN)) return ADMIN_ACTOR;
    throw new DomainError('UNAUTHENTICATED', 'The bearer token is not valid');
  }
}
