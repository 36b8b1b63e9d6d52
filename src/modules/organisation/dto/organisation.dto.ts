import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../../libs/common';
import { POSITION_KINDS, PositionKind } from '../entities/position.entity';
import { UNIT_KINDS, UnitKind } from '../entities/unit.entity';

export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2,3}(\.\d{4})?)?)?$/;
const CODE = /^[A-Za-z0-9._-]+$/;

export class UnitQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Text in the unit name or code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Only units in this region subtree' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'regionCode must be a Kemendagri code such as 36.74' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;
}

export class CreateUnitDto {
  @ApiProperty({ example: 'BKPSDM-3674' })
  @IsString()
  @MinLength(2)
  @MaxLength(40)
  @Matches(CODE, { message: 'code may hold letters, digits, ".", "_" and "-"' })
  code: string;

  @ApiProperty({ example: 'BKPSDM Kota Tangerang Selatan' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiProperty({ example: '36.74' })
  @Matches(REGION_CODE, { message: 'regionCode must be a Kemendagri code such as 36.74' })
  regionCode: string;
}

export class CreatePositionDto {
  @ApiProperty({ example: 'JF-ANALIS-SDM' })
  @IsString()
  @MinLength(2)
  @MaxLength(40)
  @Matches(CODE, { message: 'code may hold letters, digits, ".", "_" and "-"' })
  code: string;

  @ApiProperty({ example: 'Analis SDM Aparatur Ahli Pertama' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: POSITION_KINDS })
  @IsIn(POSITION_KINDS)
  kind: PositionKind;
}

export class CompetencyRequirementDto {
  @ApiProperty({ example: 'M.01' })
  @Matches(/^[A-Z]\.[A-Za-z0-9.-]{1,17}$/, { message: 'competencyCode must look like M.01, S.01 or T.<code>' })
  competencyCode: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  requiredLevel: number;
}

export class SetRequirementsDto {
  @ApiProperty({ type: [CompetencyRequirementDto] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(100)
  @Type(() => CompetencyRequirementDto)
  requirements: CompetencyRequirementDto[];
}
