import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../../../../libs/common';
import { ACTIVITY_KINDS, ActivityKind, GOAL_PRIORITIES, GoalPriority, PLAN_STATUSES, PlanStatus } from '../entities';

export class OpenPlanDto {
  @ApiPropertyOptional({ example: 2026, description: 'Defaults to the current year (WIB)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class MyPlanQuery {
  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

/** Every write names the version it was based on; a stale one is refused with 409. */
export class VersionDto {
  @ApiProperty({ example: 3 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version: number;
}

export class CommentDto extends VersionDto {
  @ApiPropertyOptional({ example: 'Sudah sesuai kebutuhan unit.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

/** A return says what to fix. */
export class ReturnDto extends VersionDto {
  @ApiProperty({ example: 'Tambahkan kegiatan untuk kompetensi M.05.' })
  @IsString()
  @IsNotEmpty()
  @MinLength(3)
  @MaxLength(1000)
  comment: string;
}

export class GoalDto extends VersionDto {
  @ApiProperty({ example: 'M.05' })
  @Matches(/^[A-Z]\.[A-Za-z0-9.-]{1,17}$/, { message: 'competencyCode must look like M.01, S.01 or T.<code>' })
  competencyCode: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  targetLevel: number;

  @ApiPropertyOptional({ enum: GOAL_PRIORITIES, default: 'medium' })
  @IsOptional()
  @IsIn(GOAL_PRIORITIES)
  priority?: GoalPriority;
}

export class UpdateGoalDto extends VersionDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  targetLevel: number;

  @ApiProperty({ enum: GOAL_PRIORITIES })
  @IsIn(GOAL_PRIORITIES)
  priority: GoalPriority;
}

export class ActivityDto extends VersionDto {
  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS)
  kind: ActivityKind;

  @ApiPropertyOptional({ description: 'A published course (kind course)' })
  @ValidateIf((o: ActivityDto) => o.kind === 'course')
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({ example: 'coaching', description: 'A form of development (kind form)' })
  @ValidateIf((o: ActivityDto) => o.kind === 'form')
  @IsString()
  @Matches(/^[a-z0-9_]{2,40}$/, { message: 'formCode must be a development form code such as coaching' })
  formCode?: string;

  @ApiPropertyOptional({ example: 'Coaching pelayanan publik bersama Kepala Bidang' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: 4, description: 'Planned JP of a form (a course counts its own JP)' })
  @ValidateIf((o: ActivityDto) => o.kind === 'form')
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(500)
  plannedJp?: number;

  @ApiPropertyOptional({ description: 'The goal it serves' })
  @IsOptional()
  @IsUUID()
  goalId?: string | null;
}

export class UpdateActivityDto extends VersionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: 'Planned JP of a form (a course keeps its own JP)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(500)
  plannedJp?: number;

  @ApiPropertyOptional({ description: 'The goal it serves; null for none', nullable: true })
  @IsOptional()
  @IsUUID()
  goalId?: string | null;
}

export class PlanListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PLAN_STATUSES })
  @IsOptional()
  @IsIn(PLAN_STATUSES)
  status?: PlanStatus;

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
