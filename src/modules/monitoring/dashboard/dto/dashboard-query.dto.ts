import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

/** '' (the nation), a Kemendagri region code (36, 36.74, 36.74.01) or a unit id. */
export const NODE_PATTERN =
  /^(|\d{2}(\.\d{2}(\.\d{2,3}(\.\d{4})?)?)?|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
export const COMPETENCY_CODE_PATTERN = /^[A-Z]{1,3}\.[A-Z0-9][A-Z0-9.-]{0,16}$/;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export class NodeQuery {
  @ApiPropertyOptional({
    description: "Region code (36.74), unit id, or '' for the nation; default: the top of your scope",
  })
  @IsOptional()
  @Matches(NODE_PATTERN, { message: "node must be a region code such as 36.74, a unit id, or '' for the nation" })
  node?: string;
}

export class YearQuery extends NodeQuery {
  @ApiPropertyOptional({ minimum: MIN_YEAR, maximum: MAX_YEAR, description: 'Default: this year (WIB)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  year?: number;
}

export class JpQuery extends YearQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: 'First month of the trend (default 1)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  fromMonth?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 12, description: 'Last month of the trend (default: this month)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  toMonth?: number;
}

export class CompletionQuery extends NodeQuery {
  @ApiPropertyOptional({ description: 'One course: its assignments and the breakdown per child' })
  @IsOptional()
  @IsUUID('all', { message: 'courseId must be a course id' })
  courseId?: string;
}

export class CompetencyQuery extends NodeQuery {
  @ApiPropertyOptional({ example: 'M.01' })
  @IsOptional()
  @Matches(COMPETENCY_CODE_PATTERN, { message: 'competencyCode must be a competency code such as M.01' })
  competencyCode?: string;
}
