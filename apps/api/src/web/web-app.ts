import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cspHeader, IDE_CSP_DIRECTIVES } from './security-headers';

/**
 * Paths the API answers itself: the web app's client-side routes never shadow them. A new
 * controller path belongs here too.
 */
export const API_PATHS = ['/graphql', '/health'];

const IMMUTABLE = 'public, max-age=31536000, immutable';

function isApiPath(path: string): boolean {
  return API_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}

/** A browser asking for a page (not a script asking for JSON). */
function wantsPage(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

function notBuilt(res: Response, what: string): void {
  res
    .status(503)
    .type('html')
    .send(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Kakehashi</title><main><h1>${what} is not built</h1><p>Run <code>npm start</code> (it builds what is missing) or <code>npm run build:web</code>.</p></main></html>`);
}

/** Cache hashed assets for a year; everything else is revalidated. */
function cacheHeaders(res: Response, path: string): void {
  res.setHeader('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE : 'no-cache');
}

/**
 * Serves the built web app at / (files, then index.html for any other page path, so client-side
 * routes survive a reload) and, outside production, the bundled GraphQL IDE at GET /graphql for
 * browsers (its assets under /graphiql/). Registered before Nest's routes; API paths pass through.
 */
export function serveWebApp(app: NestExpressApplication, options: { webDist: string; ide: boolean }): void {
  const appDir = resolve(options.webDist, 'app');
  const ideDir = resolve(options.webDist, 'graphiql');
  if (options.ide) {
    app.useStaticAssets(ideDir, { prefix: '/graphiql/', index: false, redirect: false, setHeaders: cacheHeaders });
    app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
      if (req.path !== '/' || req.query['query'] !== undefined || !wantsPage(req)) return next();
      const page = join(ideDir, 'index.html');
      if (!existsSync(page)) return notBuilt(res, 'The GraphQL IDE');
      res.setHeader('content-security-policy', cspHeader(IDE_CSP_DIRECTIVES));
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(page);
    });
  }
  app.useStaticAssets(appDir, { index: false, redirect: false, setHeaders: cacheHeaders });
  app.use((req: Request, res: Response, next: NextFunction) => {
    // Client routes have no file extension; a missing asset stays a 404.
    if (isApiPath(req.path) || /\.[a-z0-9]+$/i.test(req.path) || !wantsPage(req)) return next();
    const page = join(appDir, 'index.html');
    if (!existsSync(page)) return notBuilt(res, 'The web app');
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(page);
  });
}
