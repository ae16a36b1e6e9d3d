import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class LoginInput {
  @Field()
  email: string;

  @Field()
  password: string;
}

@InputType()
export class InviteEditorInput {
  @Field()
  email: string;

  @Field({ description: 'The municipality the invitee will edit.' })
  municipalityKey: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  token: string;

  @Field({ description: 'A new password (12–256 characters), or your existing one if you already edit another municipality.' })
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword: string;

  @Field({ description: '12–256 characters. Your other sessions end.' })
  newPassword: string;
}

@InputType()
export class SetAccountMunicipalitiesInput {
  @Field(() => ID)
  userId: string;

  @Field(() => [String], { description: 'The complete new list of municipality keys.' })
  municipalityKeys: string[];
}

@InputType()
export class SetAccountDisabledInput {
  @Field(() => ID)
  userId: string;

  @Field({ description: 'true: the account cannot sign in and its sessions end.' })
  disabled: boolean;
}
