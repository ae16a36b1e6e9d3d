import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { LimiterStore } from '@kakehashi/auth';
import { APP_CONFIG, type AppConfig, type ConfigModuleOptions } from '@kakehashi/config';
import { AppModule } from './app.module';
import { QuietBootLogger } from './quiet-boot-logger';
import { bodyErrorHandler, rateLimitMiddleware, rejectNulCharacters } from './graphql/http-protection';
import { securityHeaders } from './web/security-headers';
import { serveWebApp } from './web/web-app';

/** Largest request body accepted; larger gets 413 before any parsing work. */
export const MAX_BODY = '100kb';

/** Builds the API application (not yet listening): used by main.ts and the end-to-end tests. */
export async function createApiApp(options: ConfigModuleOptions = {}): Promise<NestExpressApplication> {
  // abortOnError off: a failed boot rejects (main.ts prints one clean line) instead of Nest exiting.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), { bufferLogs: true, bodyParser: false, abortOnError: false });
  app.useLogger(new QuietBootLogger(app.get(Logger)));
  const config = app.get<AppConfig>(APP_CONFIG);
  // Per-client limits key on req.ip: behind a proxy, only trusted hops may name the client.
  app.set('trust proxy', config.TRUST_PROXY);
  // Order matters: headers on every response, even refusals; the rate limit refuses before the body
  // is read; the error handler follows the parser.
  app.use(securityHeaders());
  app.use('/graphql', rateLimitMiddleware(app.get(LimiterStore), config.RATE_LIMIT_PER_MINUTE));
  app.useBodyParser('json', { limit: MAX_BODY });
  app.use(bodyErrorHandler(MAX_BODY));
  app.use('/graphql', rejectNulCharacters);
  app.disable('x-powered-by');
  serveWebApp(app, { webDist: config.WEB_DIST, ide: config.NODE_ENV !== 'production' });
  app.enableShutdownHooks();
  return app;
}
