import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../../libs/common';
import { Pillar, PILLARS } from '../entities/competency.entity';

export class CompetencyQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PILLARS })
  @IsOptional()
  @IsIn(PILLARS)
  pillar?: Pillar;

  @ApiPropertyOptional({ description: 'Text in the code or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CompetencyLevelDto {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  level: number;

  @ApiProperty()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  description: string;

  @ApiProperty({ type: [String], description: 'Behaviour indicators' })
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  indicators: string[];
}

class CompetencyFieldsDto {
  @ApiProperty({ example: 'Analisis Kebijakan Kepegawaian' })
  @IsString()
  @MinLength(3)
  @MaxLength(150)
  name: string;

  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  definition: string;

  @ApiProperty({ type: [CompetencyLevelDto], description: 'Exactly the five levels 1-5' })
  @ValidateNested({ each: true })
  @Type(() => CompetencyLevelDto)
  @ArrayMinSize(5, { message: 'levels must describe all five levels' })
  @ArrayMaxSize(5, { message: 'levels must describe exactly five levels' })
  @ArrayUnique((l: CompetencyLevelDto) => l.level, { message: 'levels must not repeat a level' })
  levels: CompetencyLevelDto[];
}

/** Technical competencies are added per agency; M.xx and S.xx come with the regulation. */
export class CreateTechnicalCompetencyDto extends CompetencyFieldsDto {
  @ApiProperty({ example: 'T.SDM.01' })
  @Matches(/^T\.[A-Z0-9][A-Z0-9.-]{0,17}$/, {
    message: 'code must look like T.<CODE> (capital letters, digits, "." and "-")',
  })
  code: string;

  @ApiPropertyOptional({ description: 'The agency (unit) that defines it' })
  @IsOptional()
  @IsUUID()
  ownerUnitId?: string;
}

export class UpdateCompetencyDto extends CompetencyFieldsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
