import { Global, Module } from '@nestjs/common';
import { ROW_ACCESS } from '@kakehashi/directory';
import { AccessService } from './access.service';

/**
 * Binds the directory's row-level access port (`ROW_ACCESS`) to this library's adapter, for the
 * whole application: the API and the CLI import it once at their root.
 */
@Global()
@Module({ providers: [AccessService, { provide: ROW_ACCESS, useExisting: AccessService }], exports: [AccessService, ROW_ACCESS] })
export class AccessModule {}
