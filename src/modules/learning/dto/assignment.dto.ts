import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { PopulationFilterDto } from '../../identity/identity.api';
import { IsCalendarDate } from '../../../../libs/common';

export const MAX_ASSIGNED_NIPS = 20_000;

/** Whom to enrol by filter: a population of ASN (the identity module's filter). */
export class AssignmentFilterDto extends PopulationFilterDto {}

/** Whom to enrol: a filter over the ASN in the admin's region, or a list of NIPs (not both). */
export class CreateAssignmentDto {
  @ApiProperty()
  @IsUUID()
  courseId: string;

  @ApiPropertyOptional({ example: '2026-12-15', description: 'Finish by (the course deadline if not given)' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;

  @ApiPropertyOptional({ type: AssignmentFilterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AssignmentFilterDto)
  filter?: AssignmentFilterDto;

  @ApiPropertyOptional({ type: [String], description: 'NIPs (18 digits; spaces are ignored)' })
  @IsOptional()
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => String(v).replace(/\s/g, '')) : value))
  @Matches(/^\d{18}$/, { each: true, message: 'each NIP must have 18 digits' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ASSIGNED_NIPS)
  nips?: string[];
}
