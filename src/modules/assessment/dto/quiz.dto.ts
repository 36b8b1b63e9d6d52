import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { GRADING_METHODS, GradingMethod } from '../domain/attempt-score';
import { DIFFICULTIES, Difficulty } from '../domain/questions';
import { REVIEW_TIMINGS, ReviewTiming } from '../domain/review-policy';
import { QUIZ_ROLES, QuizRole } from '../entities';
import { IsDateTimeWithOffset } from '../../../../libs/common';

/** One fixed question (questionId), or `count` random questions matching the filters. */
export class SlotDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  questionId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9.-]{1,20}$/)
  competencyCode?: string;

  @ApiPropertyOptional({ enum: DIFFICULTIES })
  @IsOptional()
  @IsIn(DIFFICULTIES)
  difficulty?: Difficulty;
}

export class QuizDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  instructions?: string;

  @ApiProperty({ type: [SlotDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots: SlotDto[];

  @ApiPropertyOptional({ description: 'Minutes; absent for an untimed quiz' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateTimeWithOffset()
  opensAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateTimeWithOffset()
  closesAt?: string;

  @ApiPropertyOptional({ description: 'Absent: unlimited' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  attemptsAllowed?: number;

  @ApiPropertyOptional({ enum: GRADING_METHODS, default: 'highest' })
  @IsOptional()
  @IsIn(GRADING_METHODS)
  gradingMethod: GradingMethod = 'highest';

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 70 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  passPercent: number = 70;

  @ApiPropertyOptional({ enum: REVIEW_TIMINGS, default: 'after_grading' })
  @IsOptional()
  @IsIn(REVIEW_TIMINGS)
  showScore: ReviewTiming = 'after_grading';

  @ApiPropertyOptional({ enum: REVIEW_TIMINGS, default: 'after_close' })
  @IsOptional()
  @IsIn(REVIEW_TIMINGS)
  showAnswers: ReviewTiming = 'after_close';

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  shuffleQuestions: boolean = false;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  shuffleOptions: boolean = true;

  @ApiPropertyOptional({ enum: QUIZ_ROLES, default: 'none' })
  @IsOptional()
  @IsIn(QUIZ_ROLES)
  role: QuizRole = 'none';
}

export class AttachQuizDto {
  @ApiProperty({ description: 'A quiz lesson of the course (an id of the published version is accepted)' })
  @IsUUID()
  lessonId: string;
}
