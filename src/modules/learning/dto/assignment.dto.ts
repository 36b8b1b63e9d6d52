import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EMPLOYEE_TYPES, EmployeeType } from '../../identity/domain/golongan';

export const MAX_ASSIGNED_NIPS = 20_000;

export class AssignmentFilterDto {
  @ApiPropertyOptional({ example: '12.71', description: 'Region code: its whole subtree' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}){0,3}$/, { message: 'regionCode must be a Kemendagri code such as 12.71' })
  regionCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  positionId?: string;

  @ApiPropertyOptional({ example: 'III/a' })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  golongan?: string;

  @ApiPropertyOptional({ enum: EMPLOYEE_TYPES })
  @IsOptional()
  @IsIn(EMPLOYEE_TYPES)
  employeeType?: EmployeeType;
}

/** Whom to enrol: a filter over the ASN in the admin's region, or a list of NIPs (not both). */
export class CreateAssignmentDto {
  @ApiProperty()
  @IsUUID()
  courseId: string;

  @ApiPropertyOptional({ example: '2026-12-15', description: 'Finish by (the course deadline if not given)' })
  @IsOptional()
  @IsISO8601({ strict: true })
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
