import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsUUID, Matches } from 'class-validator';
import { COMPETENCY_CODE_PATTERN, JpQuery } from '../../dashboard/dto/dashboard-query.dto';
import { EXPORT_KINDS, ExportKind } from '../export-kinds';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class CreateExportDto {
  @ApiProperty({ enum: EXPORT_KINDS })
  @IsIn(EXPORT_KINDS)
  kind: ExportKind;

  @ApiProperty({
    description:
      "The table's filters: for people the people-list parameters (node, metric, year, ...); for the dashboard tables the dashboard's filters (node, year, fromMonth, toMonth, courseId, competencyCode)",
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  params: Record<string, unknown>;

  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;
}

/** Parameters of the dashboard tables: the dashboard's own filters, checked by the same rules (DASHBOARD_TABLE_PARAM_KEYS). */
export class DashboardTableParamsDto extends JpQuery {
  @ApiPropertyOptional({ description: 'One course (completion tables)' })
  @IsOptional()
  @IsUUID('all', { message: 'courseId must be a course id' })
  courseId?: string;

  @ApiPropertyOptional({ example: 'M.01', description: 'One competency (competency tables)' })
  @IsOptional()
  @Matches(COMPETENCY_CODE_PATTERN, { message: 'competencyCode must be a competency code such as M.01' })
  competencyCode?: string;
}
