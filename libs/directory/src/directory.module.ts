import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DIRECTORY_ENTITIES } from './directory.entities';
import { TaxonomyService } from './taxonomy/taxonomy.service';

const SERVICES = [TaxonomyService];

/** The directory domain: entities and the services that read and change them. No GraphQL here. */
@Module({
  imports: [TypeOrmModule.forFeature(DIRECTORY_ENTITIES)],
  providers: SERVICES,
  exports: [TypeOrmModule, ...SERVICES],
})
export class DirectoryModule {}
