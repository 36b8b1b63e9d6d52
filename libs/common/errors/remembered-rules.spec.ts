import { IsInt, IsOptional, IsString, MaxLength, validate, ValidationError } from 'class-validator';
import { createValidationPipe } from './validation';
import { rememberValidationRules } from './remembered-rules';
import { getMetadataStorage, MetadataStorage } from 'class-validator';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const rulesOf = (errors: ValidationError[]) => errors.map((e) => [e.property, Object.keys(e.constraints ?? {})]);

class Base {
  @IsString()
  name: string;
}

class Named extends Base {
  @IsOptional()
  @IsInt()
  age?: number;
}

describe('remembered validation rules', () => {
  beforeAll(() => createValidationPipe());

  it('is installed by the validation pipe, once', () => {
    const storage = getMetadataStorage();
    const lookUp = storage.getTargetValidationMetadatas;
    createValidationPipe();
    rememberValidationRules();
    expect(storage.getTargetValidationMetadatas).toBe(lookUp);
    expect(lookUp.name).not.toBe('getTargetValidationMetadatas');
  });

  it('gives the same verdicts every time, inherited rules and unknown fields included', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        rulesOf(await validate(Object.assign(new Named(), { name: 7, age: 'x', role: 'admin' }), OPTIONS)),
      ).toEqual([
        ['role', ['whitelistValidation']],
        ['age', ['isInt']],
        ['name', ['isString']],
      ]);
      expect(await validate(Object.assign(new Named(), { name: 'Ani' }), OPTIONS)).toEqual([]);
    }
  });

  it('walks the rules of the app once per class and options', () => {
    const storage = new MetadataStorage();
    const walk = jest.spyOn(storage, 'getTargetValidationMetadatas');
    rememberValidationRules(storage);
    const first = storage.getTargetValidationMetadatas(Named, '', false, false, undefined);
    expect(storage.getTargetValidationMetadatas(Named, '', false, false, undefined)).toBe(first);
    expect(storage.getTargetValidationMetadatas(Named, '', false, false, ['admin'])).not.toBe(first);
    expect(walk).toHaveBeenCalledTimes(2);
    const grouped = storage.groupByPropertyName(first);
    expect(storage.groupByPropertyName(first)).toBe(grouped);
  });

  it('learns a rule added after the first validation', async () => {
    class Late {
      @IsString()
      title: string;
    }
    const long = Object.assign(new Late(), { title: 'x'.repeat(20) });
    expect(await validate(long, OPTIONS)).toEqual([]);
    MaxLength(10)(Late.prototype, 'title');
    expect(rulesOf(await validate(long, OPTIONS))).toEqual([['title', ['maxLength']]]);
  });
});
