import { Module } from '@nestjs/common';
import { DirectoryModule } from '@kakehashi/directory';
import { InterchangeExportService } from './export/export.service';
import { InterchangeImportService } from './import/import.service';
import { SampleDataService } from './sample-data/sample-data.service';

const SERVICES = [InterchangeImportService, InterchangeExportService, SampleDataService];

/** The kakehashi/v1 format: validation, import (all-or-nothing) and export. Used by the CLI and the API. */
@Module({
  imports: [DirectoryModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class InterchangeModule {}
