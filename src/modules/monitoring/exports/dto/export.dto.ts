import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class CreateExportDto {
  @ApiProperty({ enum: ['people', 'jp-children', 'completion-courses'] })
  @IsIn(['people', 'jp-children', 'completion-courses'])
  kind: 'people' | 'jp-children' | 'completion-courses';

  @ApiProperty({
    description:
      "The table's filters: for people the people-list parameters (node, metric, year, ...); for the dashboard tables node and year",
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  params: Record<string, unknown>;

  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;
}

/** Parameters of the dashboard tables (children × JP, completion per course). */
export class NodeTableParamsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  node?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
