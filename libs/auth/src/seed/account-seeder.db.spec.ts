import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRootLogger, loadConfig } from '@kakehashi/config';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { createTestDatabase, type TestDatabase } from '@kakehashi/testing';
import { AccountService } from '../account/account.service';
import { MunicipalityLookup } from '../account/municipality-lookup';
import { PasswordCheck } from '../password/password-check.service';
import { verifyPassword } from '../password/password-hasher';
import { LimiterStore } from '../rate-limit/limiter-store';
import { LoginThrottle } from '../rate-limit/login-throttle';
import { SessionLiveness } from '../session/session-liveness';
import { AUTH_ENTITIES } from '../auth.entities';
import { AccountSeeder } from './account-seeder';
import { DEMO_ACCOUNTS } from './demo-accounts';

let db: TestDatabase;
let accounts: AccountService;
let tx: TransactionalConnection;
const logger = createRootLogger({ LOG_LEVEL: 'silent' });

function seeder(env: Record<string, string>): AccountSeeder {
  return new AccountSeeder(accounts, tx, loadConfig({ NODE_ENV: 'development', SAMPLE_DATA: 'on', ...env }), logger);
}

const users = async () =>
  (await db.dataSource.query(`SELECT email, role, demo, disabled_at IS NOT NULL AS disabled, password_hash FROM app_user ORDER BY email`)) as {
    email: string;
    role: string;
    demo: boolean;
    disabled: boolean;
    password_hash: string;
  }[];

beforeAll(async () => {
  db = await createTestDatabase(AUTH_ENTITIES);
  tx = new TransactionalConnection(db.dataSource);
  const passwords = new PasswordCheck(tx, new LoginThrottle(new LimiterStore(loadConfig({}), createRootLogger({ LOG_LEVEL: 'silent' }))));
  accounts = new AccountService(tx, new MunicipalityLookup(tx), new AuditService(tx), passwords, new SessionLiveness(tx, loadConfig({})));
  await db.dataSource.query(`INSERT INTO municipality (key, name, kind, country) VALUES ('kawasaki', 'Kawasaki City', 'LOCAL_GOVERNMENT', 'JP')`);
});
afterAll(() => db?.drop());

describe('AccountSeeder', () => {
  // Each test starts with no accounts and builds what it needs: none depends on another's order.
  beforeEach(() => db.dataSource.query('TRUNCATE app_user CASCADE'));
  const seedDevelopment = () => seeder({ ADMIN_EMAIL: 'Root@Example.org', ADMIN_PASSWORD: 'root-password-123' }).onApplicationBootstrap();

  it('creates nothing without sample data or admin settings', async () => {
    await seeder({ SAMPLE_DATA: 'off' }).onApplicationBootstrap();
    expect(await users()).toEqual([]);
  });

  it('creates the configured admin and, with sample data outside production, the demo accounts', async () => {
    await seedDevelopment();
    const rows = await users();
    expect(rows.map(({ email, role, demo, disabled }) => ({ email, role, demo, disabled }))).toEqual([
      { email: 'coordinator@demo.kakehashi.example', role: 'COORDINATOR', demo: true, disabled: false },
      { email: 'editor.kawasaki@demo.kakehashi.example', role: 'EDITOR', demo: true, disabled: false },
      { email: 'root@example.org', role: 'ADMIN', demo: false, disabled: false },
    ]);
    const editor = DEMO_ACCOUNTS.find((d) => d.role === 'EDITOR')!;
    expect(await verifyPassword(editor.password, rows.find((r) => r.email === editor.email)!.password_hash)).toBe(true);
    const [binding] = await db.dataSource.query(`SELECT m.key FROM user_municipality um JOIN municipality m ON m.id = um.municipality_id JOIN app_user u ON u.id = um.user_id WHERE u.email = $1`, [editor.email]);
    expect(binding.key).toBe('kawasaki');
  });

  it('never resets an existing password and is idempotent', async () => {
    await seedDevelopment();
    const before = await users();
    expect(before).toHaveLength(3);
    await seeder({ ADMIN_EMAIL: 'root@example.org', ADMIN_PASSWORD: 'a-different-password' }).onApplicationBootstrap();
    expect(await users()).toEqual(before);
  });

  it('disables the demo accounts when started in production, and creates none', async () => {
    await seedDevelopment();
    await seeder({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).onApplicationBootstrap();
    const rows = await users();
    expect(rows.filter((r) => r.demo)).toHaveLength(2);
    expect(rows.filter((r) => r.demo).every((r) => r.disabled)).toBe(true);
    expect(rows.find((r) => !r.demo)!.disabled).toBe(false);
  });
});
