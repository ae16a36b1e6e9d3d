import helmet from 'helmet';
import type { RequestHandler } from 'express';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of every response. The web app and the GraphQL IDE are built to run
 * under it: scripts, styles, fonts, workers and requests only from this origin, no inline script,
 * no eval, no framing, no plugins. Nothing may load from another host.
 */
export const CSP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The IDE page only: Monaco (GraphiQL's editor) writes its theme into <style> elements, and
 * GraphiQL's stylesheet embeds its fonts and icons as data: URLs. Scripts stay 'self'-only, so no
 * inline or outside script can run there either.
 */
export const IDE_CSP_DIRECTIVES: Directives = {
  ...CSP_DIRECTIVES,
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
};

/** `directives` as a header value. */
export function cspHeader(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * helmet on every response (GraphQL, health, the app, errors): CSP, X-Content-Type-Options,
 * X-Frame-Options DENY, Referrer-Policy no-referrer, HSTS (browsers ignore it over plain HTTP),
 * Cross-Origin-Opener/Resource-Policy same-origin. No upgrade-insecure-requests: a local or LAN
 * deployment on plain HTTP must keep working.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
