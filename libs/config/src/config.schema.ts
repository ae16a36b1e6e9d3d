import { z } from 'zod';

/**
 * Every setting Kakehashi reads, in one place: type, default, description and sensitivity.
 * README's configuration table is generated from the same shape (see `describeConfig`).
 */
const onOff = z.enum(['on', 'off']);

/** An IANA time zone the runtime knows (`Asia/Tokyo`, `UTC`). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const CONFIG_VARIABLES = {
  PORT: { schema: z.coerce.number().int().min(0).max(65535).default(3000), description: 'HTTP port of the API.', sensitive: false },
  HOST: { schema: z.string().min(1).default('0.0.0.0'), description: 'Interface the API listens on.', sensitive: false },
  DATABASE_URL: {
    schema: z.string().url().optional(),
    description: 'PostgreSQL (>= 15) connection URL. Unset: an embedded PostgreSQL is started in DATA_DIR.',
    sensitive: true,
  },
  DATA_DIR: { schema: z.string().min(1).default('./.data'), description: 'Where the embedded PostgreSQL keeps its data (survives restarts).', sensitive: false },
  WEB_DIST: {
    schema: z.string().min(1).default('./dist/web'),
    description: 'Where the built web app (`app/`, served at /) and GraphQL IDE (`graphiql/`, at /graphql outside production) are; `npm start` builds them.',
    sensitive: false,
  },
  SAMPLE_DATA: { schema: onOff.default('on'), description: '`on`: load the sample directory into an empty database at start; `off`: never.', sensitive: false },
  NODE_ENV: {
    schema: z.enum(['development', 'production', 'test']).default('development'),
    description: '`production` turns off introspection, the GraphQL IDE, field suggestions and demo accounts.',
    sensitive: false,
  },
  ADMIN_TOKEN: {
    schema: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
    description: 'A static administrator bearer token (Authorization: Bearer …) for scripts and operators; accounts sign in with JWTs. Unset: only accounts.',
    sensitive: true,
  },
  JWT_SECRET: {
    schema: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
    description: 'HMAC secret signing access tokens. Required in production; elsewhere unset means a random per-process secret (tokens die with the process).',
    sensitive: true,
  },
  ACCESS_TOKEN_TTL_S: { schema: z.coerce.number().int().min(30).max(86400).default(900), description: 'Lifetime of an access token (JWT), in seconds.', sensitive: false },
  REFRESH_TOKEN_TTL_S: {
    schema: z.coerce.number().int().min(300).max(31536000).default(1209600),
    description: 'Lifetime of a refresh token (rotated on every use), in seconds.',
    sensitive: false,
  },
  SESSION_CHECK_CACHE_MS: {
    schema: z.coerce.number().int().min(0).max(60000).default(5000),
    description:
      'How long one process trusts its last check that an access token’s session is alive and who its account is (role, municipalities), in milliseconds. A revocation acts at once on the process that made it and within this time on other replicas. 0: check on every request.',
    sensitive: false,
  },
  INVITATION_TTL_S: { schema: z.coerce.number().int().min(300).max(2592000).default(604800), description: 'How long an editor invitation stays valid, in seconds.', sensitive: false },
  TRUST_PROXY: {
    schema: z.coerce.number().int().min(0).max(10).default(0),
    description: 'Reverse proxies in front of the API whose X-Forwarded-For is trusted (0: none); per-client limits key on the client address it yields.',
    sensitive: false,
  },
  RATE_LIMIT_PER_MINUTE: {
    schema: z.coerce.number().int().min(1).max(1000000).default(600),
    description: 'GraphQL requests one client (IP address) may send per minute (burst of the same size); more get RATE_LIMITED (HTTP 429).',
    sensitive: false,
  },
  LOGIN_FAILURES_PER_ACCOUNT: {
    schema: z.coerce.number().int().min(5).max(100000).default(50),
    description:
      'Failed password checks per account per hour, all addresses together, before addresses the account never signed in from must wait (addresses it signed in from are never held to it). Per account and address: 5 per 15 min; per address: 20 per 15 min.',
    sensitive: false,
  },
  REDIS_URL: {
    schema: z.string().url().optional(),
    description:
      'Redis (redis://host:port/db) holding the request limits and sign-in throttles, shared by every API replica. Unset: they live in each process memory (a restart forgets them). While Redis is unreachable each process falls back to its own memory.',
    sensitive: true,
  },
  REDIS_KEY_PREFIX: {
    schema: z.string().max(64).default('kakehashi:'),
    description: 'Prefix of every Redis key the API writes (to share one Redis between deployments).',
    sensitive: false,
  },
  ADMIN_EMAIL: { schema: z.string().email().optional(), description: 'With ADMIN_PASSWORD: create this administrator at start if absent.', sensitive: false },
  ADMIN_PASSWORD: { schema: z.string().min(12).optional(), description: 'Password of ADMIN_EMAIL (at least 12 characters).', sensitive: true },
  LOG_LEVEL: {
    schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    description: 'Minimum level of the structured (pino) logs.',
    sensitive: false,
  },
  LOG_FORMAT: {
    schema: z.enum(['auto', 'json', 'pretty']).default('auto'),
    description: 'auto: readable lines when the log goes to a terminal, JSON lines otherwise; json or pretty: always that.',
    sensitive: false,
  },
  TIME_ZONE: {
    schema: z
      .string()
      .min(1)
      .default('Asia/Tokyo')
      .refine(isTimeZone, 'TIME_ZONE must be an IANA time zone, e.g. Asia/Tokyo'),
    description: 'IANA time zone whose calendar day decides when a need has expired, how fresh a record is and what is overdue.',
    sensitive: false,
  },
  FRESHNESS_AGING_MONTHS: {
    schema: z.coerce.number().int().min(1).max(240).default(12),
    description: 'Months without a confirmation after which a municipality, need or partnership reads as AGING.',
    sensitive: false,
  },
  FRESHNESS_STALE_MONTHS: {
    schema: z.coerce.number().int().min(1).max(240).default(24),
    description: 'Months without a confirmation after which a record reads as STALE and joins the upkeep list (more than FRESHNESS_AGING_MONTHS).',
    sensitive: false,
  },
  UPKEEP_EXPIRING_DAYS: {
    schema: z.coerce.number().int().min(1).max(365).default(30),
    description: 'The upkeep list shows open needs that expire within this many days.',
    sensitive: false,
  },
  INTRODUCTION_OVERDUE_DAYS: {
    schema: z.coerce.number().int().min(1).max(365).default(30),
    description: 'An introduction unanswered for this many days is overdue (flagged, and on the upkeep list).',
    sensitive: false,
  },
  DATABASE_REPLICA_URLS: {
    schema: z
      .string()
      .transform((v) => v.split(',').map((u) => u.trim()).filter(Boolean))
      .pipe(z.array(z.string().url()))
      .optional(),
    description:
      'Comma-separated PostgreSQL read replicas of DATABASE_URL. Reads that tolerate a little lag (directory pages, search, suggestions) go to them; writes and transactions stay on DATABASE_URL.',
    sensitive: true,
  },
  DB_POOL_SIZE: { schema: z.coerce.number().int().min(1).max(100).default(10), description: 'Connections in the database pool.', sensitive: false },
  DB_STATEMENT_TIMEOUT_MS: {
    schema: z.coerce.number().int().min(100).max(600000).default(15000),
    description: 'statement_timeout for every pooled connection, in milliseconds.',
    sensitive: false,
  },
} as const;

type Vars = typeof CONFIG_VARIABLES;
export type AppConfig = { readonly [K in keyof Vars]: z.output<Vars[K]['schema']> };

export const configSchema = z.object(
  Object.fromEntries(Object.entries(CONFIG_VARIABLES).map(([k, v]) => [k, v.schema])) as { [K in keyof Vars]: Vars[K]['schema'] },
);

export interface ConfigRow {
  name: string;
  description: string;
  default: string;
  sensitive: boolean;
}

/** The documented table of settings (README, `cli config`). */
export function describeConfig(): ConfigRow[] {
  return Object.entries(CONFIG_VARIABLES).map(([name, v]) => {
    const parsed = (v.schema as z.ZodType).safeParse(undefined);
    const def = parsed.success && parsed.data !== undefined ? String(parsed.data) : '(unset)';
    return { name, description: v.description, default: def, sensitive: v.sensitive };
  });
}
