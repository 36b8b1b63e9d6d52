import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../../../../libs/common';
import { ENROLMENT_STATUSES, EnrolmentStatus } from '../entities';

export class VideoPositionDto {
  @ApiProperty({ description: 'Where the video was left, in whole seconds' })
  @IsInt()
  @Min(0)
  @Max(24 * 60 * 60)
  seconds: number;
}

export class LedgerQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Calendar year (WIB); this year by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class MyEnrolmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ENROLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLMENT_STATUSES)
  status?: EnrolmentStatus;
}
