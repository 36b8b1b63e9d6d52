import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { EMPLOYEE_TYPES, EmployeeType } from '../domain/golongan';

/**
 * A population of ASN as an admin describes it (assignments, questionnaires): every field
 * narrows it; the caller intersects it with the admin's region.
 */
export class PopulationFilterDto {
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
