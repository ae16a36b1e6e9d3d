import { Module } from '@nestjs/common';
import { DirectoryModule } from '@kakehashi/directory';
import { UpkeepService } from './upkeep.service';

/** The upkeep list: what coordinators should chase to keep the directory true. No GraphQL here. */
@Module({
  imports: [DirectoryModule],
  providers: [UpkeepService],
  exports: [UpkeepService],
})
export class UpkeepModule {}
