import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '@kakehashi/config';
import { Role, type Actor } from '@kakehashi/kernel';
import { AUTH_REASONS, invalidToken } from '../auth.errors';
import { rolesOf } from './roles';
import { SessionLiveness } from './session-liveness';

const ISSUER = 'kakehashi';
const AUDIENCE = 'kakehashi-api';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What an access token says about its holder. */
export interface AccessClaims {
  sub: string;
  /** The role when the token was issued: for clients to display only; the server reads the account. */
  role: Role;
  /** Municipality ids bound when the token was issued: display only, like `role`. */
  mun: string[];
  /** Session (refresh-token family) id: the token is honoured only while this session lives. */
  sid: string;
}

/** The actor of the static ADMIN_TOKEN. Its id is not a user id: audit entries show `admin-token`. */
export const ADMIN_TOKEN_ACTOR: Actor = Object.freeze({ id: 'admin-token', roles: Object.freeze(rolesOf(Role.ADMIN)), municipalityIds: Object.freeze([]) });

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** What the server relies on in a token: whose, which session, and until when (`exp` is required). */
function isVerifiable(value: unknown): value is { sub: string; sid: string; exp: number } {
  const c = value as { sub?: unknown; sid?: unknown; exp?: unknown } | null;
  return typeof c === 'object' && c !== null && typeof c.sub === 'string' && UUID.test(c.sub) && typeof c.sid === 'string' && UUID.test(c.sid) && typeof c.exp === 'number';
}

/**
 * Issues and verifies short-lived access tokens (HS256 JWTs), and turns a bearer into an actor: a
 * valid signature and `exp` are not enough, the token's session must still live (SessionLiveness),
 * and the actor's role and municipalities are the account's as of now.
 */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionLiveness,
  ) {}

  issue(claims: AccessClaims): { token: string; expiresAt: Date } {
    const ttl = this.config.ACCESS_TOKEN_TTL_S;
    const token = this.jwt.sign({ ...claims }, { algorithm: 'HS256', expiresIn: ttl, issuer: ISSUER, audience: AUDIENCE });
    return { token, expiresAt: new Date(Date.now() + ttl * 1000) };
  }

  /**
   * The actor a valid access token of a live session names; UNAUTHENTICATED otherwise
   * (TOKEN_EXPIRED; TOKEN_INVALID for a bad signature, no `exp`, or a session that ended).
   */
  async verify(token: string): Promise<Actor> {
    let payload: unknown;
    try {
      payload = this.jwt.verify(token, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    } catch (e) {
      throw invalidToken('access token', (e as Error).name === 'TokenExpiredError' ? AUTH_REASONS.TOKEN_EXPIRED : AUTH_REASONS.TOKEN_INVALID);
    }
    if (!isVerifiable(payload)) throw invalidToken('access token');
    const actor = await this.sessions.actorOf(payload.sub, payload.sid);
    if (!actor) throw invalidToken('access token', AUTH_REASONS.SESSION_ENDED);
    return actor;
  }

  /**
   * The actor of an `Authorization` header: null without one (anonymous), the administrator for
   * ADMIN_TOKEN, else the JWT's holder. A header that is present but wrong is an error, never
   * silently anonymous, so a client learns that its token expired.
   */
  async actorFromAuthorization(header: string | undefined): Promise<Actor | null> {
    if (header === undefined || header.trim() === '') return null;
    const token = header.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
    if (!token) throw invalidToken('Authorization header (expected "Bearer <token>")');
    if (this.config.ADMIN_TOKEN && sameSecret(token, this.config.ADMIN_TOKEN)) return ADMIN_TOKEN_ACTOR;
    return this.verify(token);
  }
}

export { rolesOf } from './roles';
