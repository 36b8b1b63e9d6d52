import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../../../libs/common';
import { ASSESSMENT_SOURCES, AssessmentSource } from '../entities';

export const NIP_INPUT = /^[\d ]{18,24}$/;

export class RecordAssessmentDto {
  @ApiProperty({ example: '19860926 201505 1 001', description: 'NIP of the ASN (spaces allowed)' })
  @IsString()
  @Matches(NIP_INPUT, { message: 'nip must be the 18 digits of a NIP' })
  nip: string;

  @ApiProperty({ example: 'M.01' })
  @IsString()
  @Matches(/^[A-Z]\.[A-Za-z0-9.-]{1,17}$/, { message: 'competencyCode must look like M.01, S.01 or T.<code>' })
  competencyCode: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  level: number;

  @ApiProperty({ example: '2026-02-15', description: 'The day of the assessment' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'assessedOn must be a date YYYY-MM-DD' })
  assessedOn: string;

  @ApiProperty({ enum: ASSESSMENT_SOURCES })
  @IsIn(ASSESSMENT_SOURCES)
  source: AssessmentSource;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class AssessmentQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only this ASN' })
  @IsOptional()
  @Matches(NIP_INPUT, { message: 'nip must be the 18 digits of a NIP' })
  nip?: string;
}
