import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { FreeFormObject } from '../../../../libs/common';

/** Slot number → response; null clears an answer. The shape per question type is checked by the service. */
export class SaveResponsesDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @FreeFormObject()
  responses: Record<string, unknown>;
}

export class SubmitAttemptDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Last answers not saved yet' })
  @IsOptional()
  @FreeFormObject()
  responses?: Record<string, unknown>;
}

export class MarkSlotDto {
  @ApiPropertyOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  points: number;

  @ApiPropertyOptional({ description: 'Feedback for the learner' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;

  @ApiPropertyOptional({ description: 'Required when changing a grade already given' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({
    description:
      'The markVersion of the question as last read; if the mark changed since (a colleague, a regrade), 409 instead of overwriting it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  markVersion?: string;
}
