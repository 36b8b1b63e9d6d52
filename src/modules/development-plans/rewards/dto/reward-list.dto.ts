import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../../../../../libs/common';

export const REWARD_LISTS = ['recognition', 'follow-up'] as const;
/** recognition: met the JP target and improved; follow-up: below target or a plan left waiting. */
export type RewardListKind = (typeof REWARD_LISTS)[number];

export class RewardListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 2026, description: 'The plan and JP year (default: this year, WIB)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: '36.74', description: 'A region inside your scope (default: all of it)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{2}(\.\d{2}){0,3}$/, { message: 'regionCode must be a Kemendagri region code' })
  regionCode?: string;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export class RewardExportQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: (typeof EXPORT_FORMATS)[number] = 'csv';

  @ApiPropertyOptional({ example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: '36.74' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{2}(\.\d{2}){0,3}$/, { message: 'regionCode must be a Kemendagri region code' })
  regionCode?: string;
}
