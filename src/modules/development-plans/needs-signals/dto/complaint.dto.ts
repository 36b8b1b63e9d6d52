import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../../../../libs/common';
import { COMPLAINT_LIMITS, PERIOD_PATTERN } from '../domain/complaint-table';

/** One month's complaint count of a theme in a unit's service area (recording it again replaces it). */
export class RecordComplaintDto {
  @ApiProperty()
  @IsUUID()
  unitId: string;

  @ApiProperty({ example: 'Loket KTP', maxLength: COMPLAINT_LIMITS.serviceArea })
  @IsString()
  @MinLength(1)
  @MaxLength(COMPLAINT_LIMITS.serviceArea)
  serviceArea: string;

  @ApiProperty({ example: 'Petugas tidak ramah', maxLength: COMPLAINT_LIMITS.theme })
  @IsString()
  @MinLength(1)
  @MaxLength(COMPLAINT_LIMITS.theme)
  theme: string;

  @ApiProperty({ example: '2026-04', description: 'The month (YYYY-MM)' })
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'period must be a month YYYY-MM' })
  period: string;

  @ApiProperty({ minimum: 0, maximum: COMPLAINT_LIMITS.count })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(COMPLAINT_LIMITS.count)
  count: number;
}

/** Which competencies a complaint theme points at, for the admin's region. */
export class MapThemeDto {
  @ApiProperty({ example: 'Petugas tidak ramah', maxLength: COMPLAINT_LIMITS.theme })
  @IsString()
  @MinLength(1)
  @MaxLength(COMPLAINT_LIMITS.theme)
  theme: string;

  @ApiProperty({ example: ['M.05', 'M.03'], description: 'Empty: the theme points at no competency' })
  @IsArray()
  @ArrayMaxSize(8)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  competencyCodes: string[];
}

export class ComplaintTrendsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  unitId?: string;
}
