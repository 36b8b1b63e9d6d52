import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_FREE_TEXT } from '../domain/answers';
import { MAX_FOLLOW_UP_DAYS, MIN_FOLLOW_UP_DAYS } from '../domain/follow-up-schedule';
import { APPLIED_ANSWERS, AppliedAnswer } from '../entities/follow-up-survey.entity';

/** L1: each item 1 (sangat kurang) … 5 (sangat baik). */
export class CourseEvaluationAnswerDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  material: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  delivery: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  usefulness: number;

  @ApiPropertyOptional({ maxLength: MAX_FREE_TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FREE_TEXT)
  comment?: string;
}

/** L3: is it applied at work? Examples are needed for "yes" and "partly". */
export class FollowUpAnswerDto {
  @ApiProperty({ enum: APPLIED_ANSWERS })
  @IsIn(APPLIED_ANSWERS)
  applied: AppliedAnswer;

  @ApiPropertyOptional({ maxLength: MAX_FREE_TEXT })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FREE_TEXT)
  examples?: string;
}

export class EvaluationSettingsDto {
  @ApiProperty({
    minimum: MIN_FOLLOW_UP_DAYS,
    maximum: MAX_FOLLOW_UP_DAYS,
    description: 'Days from completion to the L3 follow-up',
  })
  @IsInt()
  @Min(MIN_FOLLOW_UP_DAYS)
  @Max(MAX_FOLLOW_UP_DAYS)
  followUpDays: number;
}
