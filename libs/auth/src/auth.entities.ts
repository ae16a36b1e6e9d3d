import { InvitationEntity } from './invitation/invitation.entity';
import { UserEntity, UserMunicipalityEntity } from './account/user.entity';
import { KnownAddressEntity } from './rate-limit/known-address.entity';
import { RefreshTokenEntity } from './session/refresh-token.entity';

/** Every entity of accounts and sessions, for TypeOrmModule.forFeature and test databases. */
export const AUTH_ENTITIES = [UserEntity, UserMunicipalityEntity, RefreshTokenEntity, InvitationEntity, KnownAddressEntity];
