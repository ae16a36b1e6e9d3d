import { Injectable, Module, type INestApplicationContext, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccessModule } from '@kakehashi/auth';
import { ConfigModule } from '@kakehashi/config';
import { DatabaseModule } from '@kakehashi/database';
import { InterchangeModule } from '@kakehashi/interchange';
import { MatchingModule } from '@kakehashi/matching';
import { UpkeepModule } from '@kakehashi/upkeep';

/**
 * What a command needs from the database: config (logs on stderr: stdout is the report), the pool,
 * the services, and the directory's row-level access port bound to libs/auth's adapter.
 */
@Module({ imports: [ConfigModule.forRoot({ logDestination: 2 }), DatabaseModule, AccessModule, InterchangeModule, MatchingModule, UpkeepModule] })
export class CliWorkModule {}

/**
 * Nest's own messages: warnings and errors to stderr as plain lines, its start-up chatter nowhere.
 * The default console logger would print to stdout, which `export -` uses for the document.
 */
class StderrLogger implements LoggerService {
  log(): void {}
  warn(message: unknown): void {
    process.stderr.write(`warning: ${String(message)}\n`);
  }
  error(message: unknown): void {
    process.stderr.write(`error: ${String(message)}\n`);
  }
}

/**
 * Opens the database only for the command that needs it — `--help` and usage errors never start
 * PostgreSQL — and always closes it again: pool closed, then the embedded cluster stopped if this
 * process started it (attached to the server's, it is left running). Ctrl-C closes it too.
 */
@Injectable()
export class DatabaseSession {
  async run<T>(work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
    const app = await NestFactory.createApplicationContext(CliWorkModule, { logger: new StderrLogger(), abortOnError: false });
    app.enableShutdownHooks();
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  }
}
