import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2,3}(\.\d{4})?)?)?$/;

/** Whose needs to analyse: a region subtree (default: the admin's own), optionally one unit. */
export class StartNeedsRunDto {
  @ApiPropertyOptional({ example: '36.74', description: 'Defaults to the unit admin’s region' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'regionCode must be a Kemendagri code such as 36.74' })
  regionCode?: string;

  @ApiPropertyOptional({ description: 'Only the ASN of this unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

/** Which population's needs to show (defaults as for a run). */
export class AgencyQuery extends StartNeedsRunDto {}
