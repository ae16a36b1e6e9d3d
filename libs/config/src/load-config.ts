import { CONFIG_VARIABLES, configSchema, type AppConfig } from './config.schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** ` (got "abc")` for a setting that is not secret, so the message shows what was wrong. */
function given(name: string, raw: Record<string, string>): string {
  const variable = (CONFIG_VARIABLES as Record<string, { sensitive: boolean }>)[name];
  return variable && !variable.sensitive && raw[name] !== undefined ? ` (got ${JSON.stringify(raw[name])})` : '';
}

/**
 * Parses the environment once. Empty strings count as unset, so `FOO=` in a shell means "default".
 * Throws ConfigError naming each bad variable: boot fails fast.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}${given(String(i.path[0]), raw)}`));
  }
  const config = result.data as AppConfig;
  if ((config.ADMIN_EMAIL === undefined) !== (config.ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(['ADMIN_EMAIL and ADMIN_PASSWORD must be set together']);
  }
  if (config.DATABASE_REPLICA_URLS?.length && !config.DATABASE_URL) {
    throw new ConfigError(['DATABASE_REPLICA_URLS needs DATABASE_URL: replicas copy a server you run, not the embedded one']);
  }
  if (config.FRESHNESS_STALE_MONTHS <= config.FRESHNESS_AGING_MONTHS) {
    throw new ConfigError([`FRESHNESS_STALE_MONTHS (${config.FRESHNESS_STALE_MONTHS}) must be more than FRESHNESS_AGING_MONTHS (${config.FRESHNESS_AGING_MONTHS})`]);
  }
  return Object.freeze(config);
}


/**
 * The PATH a child process inherits: tests spawn the built server and CLI with exactly their own
 * settings plus this, so that nothing else from the caller's environment leaks into them.
 */
export function inheritedPath(): string {
  return process.env.PATH ?? '';
}
