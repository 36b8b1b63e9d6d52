import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { EMPLOYEE_TYPES, EmployeeType } from '../../identity/domain/golongan';

export class JpTargetDto {
  @ApiProperty({ enum: EMPLOYEE_TYPES })
  @IsIn(EMPLOYEE_TYPES)
  employeeType: EmployeeType;

  @ApiPropertyOptional({ description: 'Absent: the default for every year without its own target' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiProperty({ minimum: 0, maximum: 500 })
  @IsInt()
  @Min(0)
  @Max(500)
  targetJp: number;
}

export class UpdateLearningSettingsDto {
  @ApiPropertyOptional({ minimum: 15, maximum: 120, description: 'Minutes in one JP (jam pelajaran); 45 by LAN rule' })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(120)
  minutesPerJp?: number;

  @ApiPropertyOptional({ type: [JpTargetDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => JpTargetDto)
  @ArrayMaxSize(50)
  targets?: JpTargetDto[];
}
