import { Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@kakehashi/config';
import { systemContext } from '@kakehashi/kernel';
import { InterchangeModule } from '../interchange.module';
import { SampleDataService } from './sample-data.service';

/** At start (after migrations, before listening): SAMPLE_DATA=on and no municipality → load the sample. */
@Injectable()
export class SampleDataBootstrap implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sampleData: SampleDataService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SAMPLE_DATA !== 'on') return;
    await this.sampleData.loadIfEmpty(systemContext('sample-data'));
  }
}

/** Import into a server's root module to load the sample directory into an empty database at start. */
@Module({
  imports: [InterchangeModule],
  providers: [SampleDataBootstrap],
})
export class SampleDataModule {}
