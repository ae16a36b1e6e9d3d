import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config.schema';
import { loadConfig } from './load-config';
import { createRootLogger } from './logger';

/** Injection token of the validated, frozen AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token of the root pino logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

export interface ConfigModuleOptions {
  /** Overrides of the environment (tests); merged over process.env. */
  overrides?: Partial<Record<string, string>>;
  /** Where logs go: 1 = stdout (server), 2 = stderr (CLI, whose stdout is the report). */
  logDestination?: 1 | 2;
}

@Global()
@Module({})
export class ConfigModule {
  static forRoot(options: ConfigModuleOptions = {}): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig({ ...process.env, ...options.overrides }) },
        { provide: ROOT_LOGGER, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createRootLogger(c, options.logDestination ?? 1) },
      ],
      exports: [APP_CONFIG, ROOT_LOGGER],
    };
  }
}
