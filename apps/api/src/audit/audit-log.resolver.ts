import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuditLogService } from '@kakehashi/auth';
import { Role, type RequestContext } from '@kakehashi/kernel';
import { toConnection, type ConnectionShape } from '../graphql/connection';
import { Allow } from '../graphql/policy';
import { Ctx } from '../graphql/request-context';
import { AuditLogArgs } from './audit-log.args';
import { AuditEntryConnection, AuditEntryModel } from './audit-log.model';

@Resolver(() => AuditEntryModel)
export class AuditLogResolver {
  constructor(private readonly auditLogService: AuditLogService) {}

  @Allow(Role.COORDINATOR)
  @Query(() => AuditEntryConnection, { description: 'Every change, newest first. Coordinators only.' })
  async auditLog(@Ctx() ctx: RequestContext, @Args() args: AuditLogArgs): Promise<ConnectionShape<AuditEntryModel>> {
    return toConnection(await this.auditLogService.list(ctx, args.filter, args.first, args.after), (e) => Object.assign(new AuditEntryModel(), e));
  }
}
