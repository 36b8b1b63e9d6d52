import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
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
import { ENROLMENT_MODES, EnrolmentMode } from '../entities';
import { IsCalendarDate } from '../../../../libs/common';

export class CourseCompetencyDto {
  @ApiProperty({ example: 'M.05' })
  @IsString()
  @MaxLength(20)
  code: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'The level a learner reaches by completing the course' })
  @IsInt()
  @Min(1)
  @Max(5)
  level: number;
}

export class AudienceDto {
  @ApiProperty({ description: 'true: every ASN; false: only the regions, units and positions listed' })
  @IsBoolean()
  everyone: boolean;

  @ApiPropertyOptional({ type: [String], example: ['36.74'], description: 'Region codes (their whole subtree)' })
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}){0,3}$/, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(100)
  regions: string[] = [];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(200)
  unitIds: string[] = [];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(200)
  positionIds: string[] = [];
}

/** The editable fields of a course's draft version. */
export class CourseDraftDto {
  @ApiProperty({ example: 'Pelayanan Publik Prima' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty()
  @IsString()
  @MaxLength(5000)
  summary: string;

  @ApiProperty({ example: 4, description: 'JP credited on completion (one decimal at most)' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.1)
  @Max(500)
  jp: number;

  @ApiProperty({ type: [CourseCompetencyDto] })
  @ValidateNested({ each: true })
  @Type(() => CourseCompetencyDto)
  @ArrayMaxSize(20)
  competencies: CourseCompetencyDto[];

  @ApiProperty({ type: AudienceDto })
  @ValidateNested()
  @Type(() => AudienceDto)
  audience: AudienceDto;

  @ApiProperty({ enum: ENROLMENT_MODES })
  @IsIn(ENROLMENT_MODES)
  enrolmentMode: EnrolmentMode;

  @ApiPropertyOptional({ description: 'Lessons must be taken in order' })
  @IsOptional()
  @IsBoolean()
  inOrder: boolean = false;

  @ApiPropertyOptional({ example: '2026-12-31', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string | null;
}

export class SectionDto {
  @ApiProperty({ example: 'Modul 1: Dasar-dasar' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;
}

export class OrderDto {
  @ApiProperty({ type: [String], description: 'Every id, in the new order' })
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(500)
  ids: string[];
}

export class InstructorDto {
  @ApiProperty()
  @IsUUID()
  userId: string;
}
