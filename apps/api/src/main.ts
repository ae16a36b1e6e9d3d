import 'reflect-metadata';
import { APP_CONFIG, type AppConfig } from '@kakehashi/config';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const app = await createApiApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.PORT, config.HOST);
  app.get(Logger).log(`Kakehashi on http://localhost:${config.PORT}/ (GraphQL: /graphql, health: /health)`);
}

main().catch((error: unknown) => {
  // Boot failures (bad config, database unreachable) end the process with a readable message.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
