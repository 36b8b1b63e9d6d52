import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../../libs/common';
import { PILLARS, Pillar } from '../../competencies/competencies.api';
import { LESSON_KINDS, LessonKind } from '../entities';

/** What a learner can search the catalogue by. */
export class CatalogueQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Text in the title or summary' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'M.05' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  competency?: string;

  @ApiPropertyOptional({ enum: PILLARS })
  @IsOptional()
  @IsIn(PILLARS)
  pillar?: Pillar;

  @ApiPropertyOptional({ description: 'At least this many JP' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1000)
  jpMin?: number;

  @ApiPropertyOptional({ description: 'At most this many JP' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1000)
  jpMax?: number;

  @ApiPropertyOptional({ enum: LESSON_KINDS, description: 'Has at least one lesson of this kind' })
  @IsOptional()
  @IsIn(LESSON_KINDS)
  kind?: LessonKind;

  @ApiPropertyOptional({ description: 'Only courses assigned to me' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  assigned?: boolean;
}
