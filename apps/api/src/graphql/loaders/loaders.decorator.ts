import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContext } from '../request-context';
import type { DirectoryLoaders } from './directory.loaders';

/** `@Loaders() loaders: DirectoryLoaders` — this request's DataLoaders, for relation fields. */
export const Loaders = createParamDecorator((_: unknown, context: ExecutionContext): DirectoryLoaders => {
  return GqlExecutionContext.create(context).getContext<GqlContext>().loaders;
});
