import { describe, expect, it } from 'vitest';
import { describeConfig } from './config.schema';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('applies documented defaults to an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './.data', SAMPLE_DATA: 'on', NODE_ENV: 'development', LOG_LEVEL: 'info' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('fails fast naming every bad variable', () => {
    try {
      loadConfig({ PORT: 'http', SAMPLE_DATA: 'maybe', DATABASE_URL: 'not a url' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/SAMPLE_DATA/);
      expect(problems).toMatch(/DATABASE_URL/);
      // The value is shown for plain settings, never for secrets.
      expect(problems).toContain('PORT: Invalid input: expected number, received NaN (got "http")');
      expect(problems).not.toContain('not a url');
    }
  });

  it('takes the day boundary from TIME_ZONE (Asia/Tokyo by default) and refuses a zone the runtime does not know', () => {
    expect(loadConfig({}).TIME_ZONE).toBe('Asia/Tokyo');
    expect(loadConfig({ TIME_ZONE: 'Europe/Lisbon' }).TIME_ZONE).toBe('Europe/Lisbon');
    expect(() => loadConfig({ TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(/TIME_ZONE/);
  });

  it('takes freshness thresholds of 12 and 24 months unless configured, and refuses STALE before AGING', () => {
    expect(loadConfig({})).toMatchObject({ FRESHNESS_AGING_MONTHS: 12, FRESHNESS_STALE_MONTHS: 24 });
    expect(loadConfig({ FRESHNESS_AGING_MONTHS: '6', FRESHNESS_STALE_MONTHS: '18' })).toMatchObject({ FRESHNESS_AGING_MONTHS: 6, FRESHNESS_STALE_MONTHS: 18 });
    expect(() => loadConfig({ FRESHNESS_AGING_MONTHS: '24', FRESHNESS_STALE_MONTHS: '12' })).toThrow(/FRESHNESS_STALE_MONTHS \(12\) must be more than FRESHNESS_AGING_MONTHS \(24\)/);
  });

  it('requires ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@example.org' })).toThrow(/together/);
    expect(loadConfig({ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'correct horse battery' }).ADMIN_EMAIL).toBe('a@example.org');
  });

  it('takes read replicas as a comma-separated list of URLs, only beside DATABASE_URL', () => {
    const primary = 'postgres://app@db:5432/kakehashi';
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://app@r1:5432/kakehashi, postgres://app@r2:5432/kakehashi' }).DATABASE_REPLICA_URLS).toEqual([
      'postgres://app@r1:5432/kakehashi',
      'postgres://app@r2:5432/kakehashi',
    ]);
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'not a url' })).toThrow(/DATABASE_REPLICA_URLS/);
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://app@r1:5432/kakehashi' })).toThrow(/needs DATABASE_URL/);
  });

  it('documents every variable with a description and marks secrets', () => {
    const rows = describeConfig();
    expect(rows.every((r) => r.description.length > 10)).toBe(true);
    expect(rows.find((r) => r.name === 'DATABASE_URL')!.sensitive).toBe(true);
    expect(rows.find((r) => r.name === 'PORT')!.default).toBe('3000');
  });
});
