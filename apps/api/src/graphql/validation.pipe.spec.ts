import { describe, expect, it } from 'vitest';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateNested } from 'class-validator';
import { DomainError } from '@kakehashi/kernel';
import { DomainValidationPipe, validationDetails } from './validation.pipe';
import { IsCalendarDate, IsCountryCode, IsKey } from './validators';

class Member {
  @IsKey()
  municipality: string;
}

class Input {
  @IsKey()
  key: string;

  @IsCountryCode()
  country: string;

  @IsInt()
  @Min(1)
  @Max(5)
  level: number;

  @IsCalendarDate()
  date: string;

  @ValidateNested({ each: true })
  @Type(() => Member)
  members: Member[];
}

const pipe = new DomainValidationPipe();
const run = (value: unknown, data?: string) => pipe.transform(value, { type: 'body', metatype: Input, data });
const valid = { key: 'kawasaki', country: 'JP', level: 3, date: '2023-12-07', members: [{ municipality: 'makassar' }] };

describe('DomainValidationPipe', () => {
  it('passes valid input through as an instance', async () => {
    await expect(run(valid, 'input')).resolves.toBeInstanceOf(Input);
  });

  it('turns every invalid field into one BAD_USER_INPUT detail naming it under the argument', async () => {
    const error = await run({ ...valid, key: 'Not A Slug', country: 'jp', level: 6, date: '2023-02-30', members: [{ municipality: 'ok' }, { municipality: 'x y' }] }, 'input').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('BAD_USER_INPUT');
    expect((error as DomainError).details.map((d) => d.path).sort()).toEqual(['input.country', 'input.date', 'input.key', 'input.level', 'input.members.1.municipality']);
  });

  it('joins the failed rules of one field', async () => {
    const error = (await run({ ...valid, level: 'x' }, 'input').catch((e: unknown) => e)) as DomainError;
    expect(error.details).toEqual([{ path: 'input.level', message: expect.stringMatching(/; .*integer/) }]);
  });

  it.each(['2023-02-30', '0000-01-01', '2023-13-01', '2023-1-01', '07/12/2023'])('refuses the date %s', async (date) => {
    const error = (await run({ ...valid, date }, 'input').catch((e: unknown) => e)) as DomainError;
    expect(error.details).toEqual([{ path: 'input.date', message: expect.any(String) }]);
  });

  it('names @Args() class fields without a prefix', () => {
    expect(validationDetails([{ property: 'filter', children: [{ property: 'country', constraints: { isCountryCode: 'bad' }, children: [] }] }])).toEqual([
      { path: 'filter.country', message: 'bad' },
    ]);
  });
});
