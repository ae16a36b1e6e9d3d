import { Module } from '@nestjs/common';
import { DirectoryModule } from '@kakehashi/directory';
import { DirectoryLoaderFactory } from './directory.loaders';

/** Provides the loader factory to the GraphQL module's context function. */
@Module({
  imports: [DirectoryModule],
  providers: [DirectoryLoaderFactory],
  exports: [DirectoryLoaderFactory],
})
export class LoadersModule {}
