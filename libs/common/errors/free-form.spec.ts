import { IsOptional, IsString } from 'class-validator';
import { FreeFormObject } from './free-form';
import { DomainException } from './domain-exception';
import { createValidationPipe } from './validation';

class AnswersDto {
  @IsString()
  note: string;

  @IsOptional()
  @FreeFormObject()
  responses?: Record<string, unknown>;
}

class LaterAnswersDto extends AnswersDto {}

describe('FreeFormObject fields in the validation pipe', () => {
  const pipe = createValidationPipe();
  const body = (value: unknown, metatype: new () => object = AnswersDto) =>
    pipe.transform(value, { type: 'body', metatype, data: undefined });
  const refusal = async (value: unknown) => {
    const err = await body(value).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainException);
    return (err as DomainException).details as { fields: Array<{ field: string; rule: string }> };
  };

  it('hands the object over as parsed, not copied key by key', async () => {
    const responses = { '1': 'xa', '2': ['xb', 'xc'], '3': { pa: 'ma' }, '4': true };
    const dto = (await body({ note: 'ok', responses })) as AnswersDto;
    expect(dto).toBeInstanceOf(AnswersDto);
    expect(dto.responses).toBe(responses);
    expect(dto.responses).toEqual({ '1': 'xa', '2': ['xb', 'xc'], '3': { pa: 'ma' }, '4': true });
  });

  it('does so for a class that inherits the field', async () => {
    const responses = { '1': 'xa' };
    expect(((await body({ note: 'ok', responses }, LaterAnswersDto)) as AnswersDto).responses).toBe(responses);
  });

  it.each([
    ['text', 'xa'],
    ['a list', ['xa']],
  ])('refuses %s where an object belongs, naming the field', async (_, responses) => {
    expect((await refusal({ note: 'ok', responses })).fields).toEqual([
      expect.objectContaining({ field: 'responses', rule: 'isObject' }),
    ]);
  });

  it('still checks the other fields and refuses unknown ones', async () => {
    const refused = await refusal({ note: 7, role: 'admin', responses: { '1': 'xa' } });
    expect(refused.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'note', rule: 'isString' }),
        expect.objectContaining({ field: 'role', rule: 'unknown_field' }),
      ]),
    );
    expect(await body({ note: 'ok' })).toEqual(Object.assign(new AnswersDto(), { note: 'ok' }));
  });
});
