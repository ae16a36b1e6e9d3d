import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, ROOT_LOGGER, type AppConfig, type Logger } from '@kakehashi/config';
import { AccessModule } from './access/access.module';
import { AccountService } from './account/account.service';
import { MunicipalityLookup } from './account/municipality-lookup';
import { AUTH_ENTITIES } from './auth.entities';
import { AuditLogService } from './audit/audit-log.service';
import { InvitationService } from './invitation/invitation.service';
import { PasswordCheck } from './password/password-check.service';
import { LimiterStore } from './rate-limit/limiter-store';
import { LoginThrottle } from './rate-limit/login-throttle';
import { AccessTokenService } from './session/access-token.service';
import { resolveJwtSecret } from './session/jwt-secret';
import { SessionLiveness } from './session/session-liveness';
import { SessionService } from './session/session.service';

const SERVICES = [AccountService, MunicipalityLookup, SessionService, InvitationService, AccessTokenService, AuditLogService, PasswordCheck, LoginThrottle, LimiterStore, SessionLiveness];

/**
 * Accounts, sessions, invitations and the row-level checks. The API imports it whole; domain
 * libraries import AccessModule only. The AccountSeeder is not provided here: the server's root
 * module provides it, so that its bootstrap hook runs after every imported module's (the sample
 * directory, which the demo editor's municipality comes from, is loaded by then).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(AUTH_ENTITIES),
    JwtModule.registerAsync({
      inject: [APP_CONFIG, ROOT_LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => ({ secret: resolveJwtSecret(config, logger.child({ component: 'auth' })) }),
    }),
    AccessModule,
  ],
  providers: SERVICES,
  exports: [...SERVICES, AccessModule],
})
export class AuthModule {}
