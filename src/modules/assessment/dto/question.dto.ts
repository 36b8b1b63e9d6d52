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

export class OptionDto {
  @ApiProperty()
  @IsString()
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  correct?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  feedback?: string;
}

export class PairDto {
  @ApiProperty()
  @IsString()
  @MaxLength(500)
  prompt: string;

  @ApiProperty()
  @IsString()
  @MaxLength(500)
  match: string;
}

export class RubricCriterionDto {
  @ApiProperty()
  @IsString()
  @MaxLength(500)
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
  @MaxLength(10_000)
  stem: string;

  @ApiPropertyOptional({ default: 1 })
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
  @MaxLength(5000)
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

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
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
  @MaxLength(500, { each: true })
  items?: string[];

  @ApiPropertyOptional({ type: [RubricCriterionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  rubric?: RubricCriterionDto[];
}
