import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PopulationFilterDto } from '../../../identity/identity.api';
import { MAX_CHOICES_LIMIT, NOTE_MAX } from '../domain/questionnaire-rules';
import { QUESTIONNAIRE_KINDS, QuestionnaireKind } from '../entities';

/** Whom to send it to: the same filter as course assignments, within the admin's region. */
export class QuestionnaireFilterDto extends PopulationFilterDto {}

export class CreateQuestionnaireDto {
  @ApiProperty({ example: 'Analisis kebutuhan diklat 2027', minLength: 3, maxLength: 200 })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: QUESTIONNAIRE_KINDS })
  @IsIn(QUESTIONNAIRE_KINDS)
  kind: QuestionnaireKind;

  @ApiPropertyOptional({ example: '2026-12-15', description: 'Last day answers are accepted (WIB)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_CHOICES_LIMIT, default: 3, description: 'training-needs only' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CHOICES_LIMIT)
  maxChoices?: number;

  @ApiPropertyOptional({ type: QuestionnaireFilterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuestionnaireFilterDto)
  filter?: QuestionnaireFilterDto;
}

/** An ASN's answer: levels (self-assessment) or ranked choices and a note (training needs). */
export class AnswerQuestionnaireDto {
  @ApiPropertyOptional({ example: { 'M.01': 3, 'M.05': 4 }, description: 'self-assessment: level 1-5 per competency' })
  @IsOptional()
  @IsObject()
  levels?: Record<string, number>;

  @ApiPropertyOptional({
    example: ['M.05', 'M.03'],
    description: 'training-needs: competency codes, first = most wanted',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CHOICES_LIMIT)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  choices?: string[];

  @ApiPropertyOptional({ maxLength: NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string;
}
