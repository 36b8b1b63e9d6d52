import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../../../libs/common';
import { JP_BUCKETS, JpBucket, PEOPLE_METRICS, PeopleMetric } from '../../dashboard/domain/people-link';
import { PEOPLE_CURSOR } from '../domain/people-cursor';

/** Which people behind a dashboard number: the node, the metric and the filters that number had. */
export class PeopleFilterDto {
  @ApiPropertyOptional({ description: "Region code, unit id or '' (the nation); default: the top of your scope" })
  @IsOptional()
  @IsString()
  @MaxLength(36)
  node?: string;

  @ApiProperty({ enum: PEOPLE_METRICS })
  @IsIn(PEOPLE_METRICS)
  metric: PeopleMetric;

  @ApiPropertyOptional({ description: 'Year (WIB) of JP and plan metrics; default: this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: JP_BUCKETS })
  @IsOptional()
  @IsIn(JP_BUCKETS)
  bucket?: JpBucket;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({ description: "An assignment id, or '' for self-enrolments; absent: all of the course" })
  @IsOptional()
  @Matches(/^$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
    message: "assignmentKey must be an assignment id or ''",
  })
  assignmentKey?: string;

  @ApiPropertyOptional({ example: 'M.01' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,20}$/, { message: 'competencyCode must be a competency code such as M.01' })
  competencyCode?: string;

  @ApiPropertyOptional({ description: 'Plan status (plan-status metric)' })
  @IsOptional()
  @Matches(/^[a-z_]{1,20}$/, { message: 'status must be a plan status such as approved' })
  status?: string;
}

export class PeopleQueryDto extends PeopleFilterDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page: number = 1;

  @ApiPropertyOptional({
    description:
      "The list's `next` from the page before: this page starts after that row, found by index " +
      'however deep the list goes (page then only labels it). Absent: the page is found by its number.',
  })
  @IsOptional()
  @IsString()
  @Matches(PEOPLE_CURSOR, { message: "after must be a list's next cursor" })
  after?: string;

  @ApiPropertyOptional({
    description: "The list's `previous` from the page after: this page ends just before that row. Not with `after`.",
  })
  @IsOptional()
  @IsString()
  @Matches(PEOPLE_CURSOR, { message: "before must be a list's previous cursor" })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;
}

/** Keeps PageQuery's contract (the same bounds) for the pages that build this query. */
export type PeoplePageQuery = Pick<PageQuery, 'page' | 'pageSize'>;
