import { ArgsType, Field, Int } from '@nestjs/graphql';

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words in English or Japanese, up to 200 characters; typos are forgiven.' })
  text: string;

  @Field(() => Int, { nullable: true, description: '1–100, default 20.' })
  first?: number | null;
}
