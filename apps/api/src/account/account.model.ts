import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@kakehashi/kernel';
import { Connection } from '../graphql/connection';

registerEnumType(Role, { name: 'Role', description: 'EDITOR: changes its municipalities. COORDINATOR: sees and changes everything. ADMIN: a coordinator who also manages coordinators.' });

@ObjectType('Account', { description: 'Someone who signs in. Visible to its owner (`me`) and to coordinators.' })
export class AccountModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Null only for the ADMIN_TOKEN pseudo-account.' })
  email: string | null;

  @Field(() => Role)
  role: Role;

  @Field(() => [String], { description: 'Keys of the municipalities an editor may change.' })
  municipalityKeys: string[];

  @Field({ description: 'A documented demo account (never in production).' })
  demo: boolean;

  @Field()
  disabled: boolean;

  @Field(() => Date, { nullable: true })
  lastLoginAt: Date | null;

  @Field(() => Date, { nullable: true })
  createdAt: Date | null;
}

@ObjectType('AccountConnection')
export class AccountConnection extends Connection(AccountModel, 'Account') {}

@ObjectType('AuthPayload', { description: 'A signed-in session: send `accessToken` as `Authorization: Bearer …`; trade `refreshToken` for a new pair before it expires.' })
export class AuthPayloadModel {
  @Field()
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({ description: 'One use only: every refresh returns a new one; reusing a spent one ends the session.' })
  refreshToken: string;

  @Field()
  refreshTokenExpiresAt: Date;

  @Field(() => AccountModel)
  account: AccountModel;
}

@ObjectType('Invitation', { description: 'An editor invitation. `token` is shown once: pass it to the invitee, who calls `acceptInvitation`.' })
export class InvitationModel {
  @Field()
  token: string;

  @Field()
  email: string;

  @Field()
  municipalityKey: string;

  @Field()
  expiresAt: Date;
}
