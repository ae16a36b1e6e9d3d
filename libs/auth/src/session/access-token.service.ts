import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@kakehashi/config';
import { Role, type Actor } from '@kakehashi/kernel';
import { AUTH_REASONS, invalidToken } from '../auth.errors';

const ISSUER = 'kakehashi';
const AUDIENCE = 'kakehashi-api';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What an access token says about its holder. */
export interface AccessClaims {
  sub: string;
  role: Role;
  /** Municipality ids the editor was bound to when the token was issued (display only: row checks re-read them). */
  mun: string[];
  /** Session (refresh-token family) id. */
  sid: string;
}

/** The actor of the static ADMIN_TOKEN. Its id is not a user id: audit entries show `admin-token`. */
export const ADMIN_TOKEN_ACTOR: Actor = Object.freeze({ id: 'admin-token', roles: Object.freeze(rolesOf(Role.ADMIN)), municipalityIds: Object.freeze([]) });

/** Roles an account's role grants: an administrator is also a coordinator. */
export function rolesOf(role: Role): Role[] {
  return role === Role.ADMIN ? [Role.ADMIN, Role.COORDINATOR] : [role];
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function isClaims(value: unknown): value is AccessClaims {
  const c = value as Partial<AccessClaims> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.sub === 'string' &&
    UUID.test(c.sub) &&
    typeof c.sid === 'string' &&
    Object.values(Role).includes(c.role as Role) &&
    Array.isArray(c.mun) &&
    c.mun.every((m) => typeof m === 'string' && UUID.test(m))
  );
}

/** Issues and verifies short-lived access tokens (HS256 JWTs), and turns a bearer into an actor. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  issue(claims: AccessClaims): { token: string; expiresAt: Date } {
    const ttl = this.config.ACCESS_TOKEN_TTL_S;
    const token = this.jwt.sign({ ...claims }, { algorithm: 'HS256', expiresIn: ttl, issuer: ISSUER, audience: AUDIENCE });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /** The actor a valid access token names; UNAUTHENTICATED (TOKEN_EXPIRED / TOKEN_INVALID) otherwise. */
  verify(token: string): Actor {
    let payload: unknown;
    try {
      payload = this.jwt.verify(token, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    } catch (e) {
      throw invalidToken('access token', (e as Error).name === 'TokenExpiredError' ? AUTH_REASONS.TOKEN_EXPIRED : AUTH_REASONS.TOKEN_INVALID);
    }
    if (!isClaims(payload)) throw invalidToken('access token');
    return { id: payload.sub, roles: rolesOf(payload.role), municipalityIds: payload.mun };
  }

  /**
   * The actor of an `Authorization` header: null without one (anonymous), the administrator for
   * ADMIN_TOKEN, else the JWT's holder. A header that is present but wrong is an error, never
   * silently anonymous, so a client learns that its token expired.
   */
  actorFromAuthorization(header: string | undefined): Actor | null {
    if (header === undefined || header.trim() === '') return null;
    const token = header.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    if (!token) throw invalidToken('Authorization header (expected "Bearer <token>")');
    if (this.config.ADMIN_TOKEN && sameSecret(token, this.config.ADMIN_TOKEN)) return ADMIN_TOKEN_ACTOR;
    return this.verify(token);
  }
}
