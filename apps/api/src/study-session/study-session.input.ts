import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate, IsKey, IsNotBlank } from '../graphql/validators';

@InputType('StudySessionPlanInput', { description: 'Ranges and names are checked by the planner, with coded errors (UNKNOWN_REGION, PAST_DATE, UNKNOWN_TOPIC; groups 1–30, groupSize 2–12).' })
export class StudySessionPlanInput {
  @Field({ description: 'A Japanese region (Kyushu), a prefecture (Fukuoka) or a country (JP, Japan).' })
  @IsString()
  @MaxLength(100)
  region: string;

  @Field({ description: 'YYYY-MM-DD, today or later.' })
  @IsCalendarDate()
  date: string;

  @Field(() => Int, { description: 'How many discussion groups (1–30).' })
  @IsInt()
  groups: number;

  @Field(() => Int, { description: 'Bodies per group (2–12).' })
  @IsInt()
  groupSize: number;

  @Field(() => [String], { nullable: true, description: 'Themes (topic keys, at most 8); absent: the most needed topics.' })
  @IsOptional()
  @ArrayMaxSize(8)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  topics?: string[] | null;
}

@InputType('SaveStudySessionPlanInput', { description: 'A plan to save as a planned event: the plan’s input and where it takes place.' })
export class SaveStudySessionPlanInput extends StudySessionPlanInput {
  @Field({ description: 'The place: a city, a venue, or "online".' })
  @IsNotBlank()
  @MaxLength(300)
  location: string;

  @Field(() => String, { nullable: true, description: 'The event’s key (lower-case slug); absent: study-session-<region>-<date>.' })
  @IsOptional()
  @IsKey()
  key?: string | null;

  @Field(() => String, { nullable: true, description: 'The event’s title; absent: one naming the region.' })
  @IsOptional()
  @IsNotBlank()
  @MaxLength(300)
  title?: string | null;
}
