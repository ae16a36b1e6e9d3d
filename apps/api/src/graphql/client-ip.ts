import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';

/** The client's IP address as Express sees it (honours `trust proxy`), for per-client limits. */
export function clientIpOf(req: Pick<Request, 'ip' | 'socket'>): string {
  return req.ip ?? req.socket?.remoteAddress ?? 'unknown';
}

/** `@ClientIp() ip: string` in a resolver. */
export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const { req } = GqlExecutionContext.create(context).getContext<{ req: Request }>();
  return clientIpOf(req);
});
