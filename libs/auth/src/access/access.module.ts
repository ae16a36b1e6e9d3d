import { Module } from '@nestjs/common';
import { AccessService } from './access.service';

/** Row-level checks alone, for domain modules (the directory) that must not pull in sessions and JWTs. */
@Module({ providers: [AccessService], exports: [AccessService] })
export class AccessModule {}
