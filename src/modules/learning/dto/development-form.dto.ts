import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { JP_RULES, JpRule } from '../entities/development-form.entity';

export class UpdateDevelopmentFormDto {
  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(150)
  name: string;

  @ApiProperty({ enum: JP_RULES })
  @IsIn(JP_RULES)
  rule: JpRule;

  @ApiPropertyOptional({ description: 'Required for per_day' })
  @ValidateIf((o: UpdateDevelopmentFormDto) => o.rule === 'per_day')
  @IsInt()
  @Min(1)
  @Max(24)
  jpPerDay?: number;

  @ApiPropertyOptional({ description: 'Required for per_day' })
  @ValidateIf((o: UpdateDevelopmentFormDto) => o.rule === 'per_day')
  @IsInt()
  @Min(1)
  @Max(24)
  jpPerDayInternational?: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  internationalBonusPercent: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** The facts of an activity whose JP a learner or admin wants to know. */
export class JpCalculationDto {
  @ApiProperty({ example: 'seminar' })
  @IsString()
  @MaxLength(40)
  formCode: string;

  @ApiPropertyOptional({ description: 'JP stated by the programme' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(1000)
  programmeJp?: number;

  @ApiPropertyOptional({ description: 'Days attended' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;

  @ApiProperty()
  @IsBoolean()
  international: boolean;
}
