import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import { isScore, SCORE_MAX, SCORE_MIN } from '../domain/ikm';
import { AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES, SUGGESTION_MAX } from '../domain/respondent';

/** Form posts send "3"; JSON may send 3. An empty choice is no answer. */
const toScore = ({ value }: { value: unknown }) =>
  value === '' || value === null
    ? undefined
    : typeof value === 'string' && /^\d{1,3}$/.test(value)
      ? Number(value)
      : value;
const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Rule "required": each of the nine elements must be answered. */
function Answered(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'required',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => value !== undefined,
        defaultMessage: (a: ValidationArguments) => `${a.property} must be answered`,
      },
    });
}

/** Rule "range": an answer is a whole number 1-4 (checked only when given). */
function ScoreRange(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'range',
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate: (value: unknown) => value === undefined || isScore(value),
        defaultMessage: (a: ValidationArguments) =>
          `${a.property} must be a whole number from ${SCORE_MIN} to ${SCORE_MAX}`,
      },
    });
}

const score = (description: string) => (target: object, property: string) => {
  ApiProperty({ description, minimum: SCORE_MIN, maximum: SCORE_MAX, type: 'integer' })(target, property);
  Transform(toScore)(target, property);
  Answered()(target, property);
  ScoreRange()(target, property);
};

/** One survey response: the nine elements (1 tidak baik … 4 sangat baik) and an optional profile. */
export class SurveyResponseDto {
  @ApiProperty({ description: 'The start token of the form (GET /api/skm/:unitCode), signed by the server' })
  @IsString()
  @MaxLength(64)
  formToken: string;

  @score('U1 Persyaratan') u1: number;
  @score('U2 Sistem, mekanisme dan prosedur') u2: number;
  @score('U3 Waktu penyelesaian') u3: number;
  @score('U4 Biaya/tarif') u4: number;
  @score('U5 Produk spesifikasi jenis pelayanan') u5: number;
  @score('U6 Kompetensi pelaksana') u6: number;
  @score('U7 Perilaku pelaksana') u7: number;
  @score('U8 Penanganan pengaduan, saran dan masukan') u8: number;
  @score('U9 Sarana dan prasarana') u9: number;

  @ApiPropertyOptional({ enum: AGE_BANDS })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(AGE_BANDS)
  ageBand?: string;

  @ApiPropertyOptional({ enum: SEXES })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(SEXES)
  sex?: string;

  @ApiPropertyOptional({ enum: EDUCATIONS })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(EDUCATIONS)
  education?: string;

  @ApiPropertyOptional({ enum: OCCUPATIONS })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(OCCUPATIONS)
  occupation?: string;

  @ApiPropertyOptional({ maxLength: SUGGESTION_MAX })
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MaxLength(SUGGESTION_MAX)
  suggestion?: string;

  /** The honeypot: a field people never see. Anything in it refuses the response. */
  @ApiPropertyOptional({ description: 'Leave out (must be empty)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  website?: string;
}
