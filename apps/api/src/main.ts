import 'reflect-metadata';
import { APP_CONFIG, loadConfig, type AppConfig } from '@kakehashi/config';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { createApiApp } from './bootstrap';

/** The one line a person starting the server needs: where it is. */
export function readyLine(config: Pick<AppConfig, 'HOST' | 'NODE_ENV'>, port: number): string {
  const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.HOST) ? 'localhost' : config.HOST;
  const graphql = config.NODE_ENV === 'production' ? 'GraphQL API at /graphql' : 'GraphQL IDE at /graphql';
  return `Kakehashi is ready at http://${host}:${port}/ (${graphql})`;
}

async function main(): Promise<void> {
  // Settings first, before any framework output: a bad one is one clear message, not a stack.
  loadConfig();
  const app = await createApiApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.PORT, config.HOST);
  const { port } = app.getHttpServer().address() as AddressInfo;
  app.get(Logger).log(readyLine(config, port));
}

main().catch((error: unknown) => {
  // Boot failures (bad config, database unreachable) end the process with a readable message.
  const message = `Kakehashi cannot start. ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
