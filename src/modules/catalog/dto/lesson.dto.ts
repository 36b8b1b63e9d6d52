import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';
import { LESSON_KINDS, LessonKind } from '../entities';

/** A lesson; which fields matter depends on its kind (checked by the service, named in the error). */
export class LessonDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: LESSON_KINDS })
  @IsIn(LESSON_KINDS)
  kind: LessonKind;

  @ApiPropertyOptional({ description: 'Needed for the course to count as complete' })
  @IsOptional()
  @IsBoolean()
  required: boolean = true;

  @ApiPropertyOptional({ description: 'Rich text (kind text); sanitised on save' })
  @IsOptional()
  @IsString()
  @MaxLength(200_000)
  bodyHtml?: string;

  @ApiPropertyOptional({ description: 'Video hosted elsewhere, or the target of a link lesson' })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(500)
  externalUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  durationMinutes?: number;
}
