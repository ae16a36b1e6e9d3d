import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { createRequestContext, type Actor, type RequestContext } from '@kakehashi/kernel';
import type { Request } from 'express';
import type { DirectoryLoaders } from './loaders/directory.loaders';

/** What the GraphQL context holds for one HTTP request. */
export interface GqlContext {
  req: Request & { id?: string | number; actor?: Actor | null; kakehashiContext?: RequestContext };
  /** This request's DataLoaders (made fresh per request in the Apollo context). */
  loaders: DirectoryLoaders;
}

/** The RequestContext of the current request, built once and cached on it. */
export function requestContextOf(req: GqlContext['req']): RequestContext {
  req.kakehashiContext ??= createRequestContext({
    requestId: req.id !== undefined ? String(req.id) : undefined,
    actor: req.actor ?? null,
  });
  return req.kakehashiContext;
}

/** `@Ctx() ctx: RequestContext` — the first argument every service method takes. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const gql = GqlExecutionContext.create(context).getContext<GqlContext>();
  return requestContextOf(gql.req);
});
