import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig, type Logger } from '@kakehashi/config';
import { TransactionalConnection } from '@kakehashi/database';
import { Role, isDomainError, systemContext, type RequestContext } from '@kakehashi/kernel';
import { AccountService } from '../account/account.service';
import type { NewAccount } from '../account/account.types';
import { UserEntity } from '../account/user.entity';
import { DEMO_ACCOUNTS } from './demo-accounts';

/**
 * Accounts that exist because of configuration: the ADMIN_EMAIL administrator, and the demo
 * accounts next to the sample directory. Runs at application bootstrap, after every module's
 * init, and never fails the boot for a demo account. Provide it in the root module: Nest runs
 * bootstrap hooks deepest module first, so the root's run after the sample directory is loaded.
 */
@Injectable()
export class AccountSeeder implements OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    private readonly accounts: AccountService,
    private readonly db: TransactionalConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) logger: Logger,
  ) {
    this.log = logger.child({ component: 'accounts' });
  }

  async onApplicationBootstrap(): Promise<void> {
    const ctx = systemContext('boot');
    if (this.config.ADMIN_EMAIL && this.config.ADMIN_PASSWORD) {
      await this.ensure(ctx, { email: this.config.ADMIN_EMAIL, password: this.config.ADMIN_PASSWORD, role: Role.ADMIN });
    }
    if (this.config.NODE_ENV === 'production') await this.disableDemoAccounts(ctx);
    else if (this.config.SAMPLE_DATA === 'on') for (const demo of DEMO_ACCOUNTS) await this.ensure(ctx, demo, true);
  }

  /** Creates the account unless its email exists (an existing password is never reset). */
  private async ensure(ctx: RequestContext, account: NewAccount, optional = false): Promise<void> {
    if (await this.db.getRepository(ctx, UserEntity).existsBy({ email: account.email.toLowerCase() })) return;
    try {
      await this.accounts.create(ctx, account);
      this.log.info({ email: account.email, role: account.role }, 'account created from configuration');
    } catch (e) {
      if (isDomainError(e) && e.reason === 'ACCOUNT_EXISTS') return; // another process won the race
      if (optional && isDomainError(e)) return this.log.warn({ email: account.email, err: e.message }, 'demo account not created');
      throw e;
    }
  }

  private async disableDemoAccounts(ctx: RequestContext): Promise<void> {
    const demos = await this.db.getRepository(ctx, UserEntity).findBy({ demo: true });
    for (const demo of demos.filter((d) => !d.disabledAt)) {
      await this.db.getRepository(ctx, UserEntity).update({ id: demo.id }, { disabledAt: new Date() });
      await this.accounts.revokeAllSessions(ctx, demo.id);
      this.log.warn({ email: demo.email }, 'demo account disabled (production mode)');
    }
  }
}
