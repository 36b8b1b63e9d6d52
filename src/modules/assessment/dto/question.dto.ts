import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DIFFICULTIES,
  Difficulty,
  MULTIPLE_SCORING,
  MultipleScoring,
  QUESTION_TYPES,
  QuestionType,
} from '../domain/questions';
import { MAX_ANSWERS, MAX_CRITERIA, TEXT_MAX } from '../domain/question-limits';

export class OptionDto {
  @ApiProperty()
  @IsString()
  @MaxLength(TEXT_MAX.option)
  text: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  correct?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.optionFeedback)
  feedback?: string;
}

export class PairDto {
  @ApiProperty()
  @IsString()
  @MaxLength(TEXT_MAX.pair)
  prompt: string;

  @ApiProperty()
  @IsString()
  @MaxLength(TEXT_MAX.pair)
  match: string;
}

export class RubricCriterionDto {
  @ApiProperty()
  @IsString()
  @MaxLength(TEXT_MAX.criterion)
  criterion: string;

  @ApiProperty()
  @IsNumber()
  points: number;
}

/**
 * A question as an instructor writes it; which fields matter depends on `type`
 * (checked by questionProblems, each problem named by its field).
 */
export class QuestionDto {
  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type: QuestionType;

  @ApiProperty()
  @IsString()
  @MaxLength(TEXT_MAX.stem)
  stem: string;

  @ApiPropertyOptional({
    default: 1,
    description: "An essay with a rubric is worth the rubric's total: leave points out, or give exactly that total.",
  })
  @IsOptional()
  @IsNumber()
  points?: number;

  @ApiPropertyOptional({ description: 'Competency code from the dictionary, e.g. M.1' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9.-]{1,20}$/, { message: 'competencyCode must be a competency code such as M.1' })
  competencyCode?: string;

  @ApiPropertyOptional({ enum: DIFFICULTIES, default: 'medium' })
  @IsOptional()
  @IsIn(DIFFICULTIES)
  difficulty?: Difficulty;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX.feedback)
  feedback?: string;

  @ApiPropertyOptional({ type: [OptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options?: OptionDto[];

  @ApiPropertyOptional({ enum: MULTIPLE_SCORING })
  @IsOptional()
  @IsIn(MULTIPLE_SCORING)
  scoring?: MultipleScoring;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  correct?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description:
      'short: accepted answers. As in Moodle, * matches any run of characters (Soekarno* accepts "Soekarno Hatta") and \\* is a literal star; an answer of only * is refused.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ANSWERS)
  @IsString({ each: true })
  @MaxLength(TEXT_MAX.answer, { each: true })
  answers?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  caseSensitive?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  answer?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0)
  tolerance?: number;

  @ApiPropertyOptional({ type: [PairDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PairDto)
  pairs?: PairDto[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(TEXT_MAX.item, { each: true })
  items?: string[];

  @ApiPropertyOptional({ type: [RubricCriterionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CRITERIA)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  rubric?: RubricCriterionDto[];
}
