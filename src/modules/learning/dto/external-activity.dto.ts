import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCalendarDate, PageQuery } from '../../../../libs/common';
import { ACTIVITY_STATUSES, ActivityStatus } from '../entities';

/** Multipart fields arrive as strings: these turn them into the types the rules expect. */
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' || value === true ? true : value === 'false' || value === false ? false : value;

/** An activity done outside the platform, sent with its evidence file (multipart field "file"). */
export class ExternalActivityDto {
  @ApiProperty({ example: 'seminar', description: 'A form of development (GET /api/learning/development-forms)' })
  @IsString()
  @MaxLength(40)
  formCode: string;

  @ApiProperty({ example: 'Seminar Nasional Pelayanan Publik' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'LAN RI' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  organiser: string;

  @ApiProperty({ example: '2026-10-05' })
  @IsCalendarDate()
  startDate: string;

  @ApiProperty({ example: '2026-10-06' })
  @IsCalendarDate()
  endDate: string;

  @ApiPropertyOptional({ description: 'Days attended (seminar, workshop)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  days?: number;

  @ApiPropertyOptional({ description: 'JP stated by the programme (training, course, ...)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.1)
  @Max(2000)
  programmeJp?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  international: boolean = false;

  @ApiPropertyOptional({ example: 'M.05' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  competencyCode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  level?: number;
}

export class RejectActivityDto {
  @ApiProperty({ example: 'Sertifikat tidak terbaca' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason: string;
}

export class ActivityReviewQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES, default: 'submitted' })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES)
  status: ActivityStatus = 'submitted';
}
