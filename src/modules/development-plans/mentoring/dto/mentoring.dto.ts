import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../../../../libs/common';
import { PAIRING_STATUSES, PairingStatus } from '../entities';
import { SESSION_MINUTES } from '../domain/session-rules';

/** A NIP as people type it: 18 digits, spaces allowed between the groups. */
const NIP_TYPED = /^(?:\d ?){17}\d$/;

export class CreatePairingDto {
  @ApiProperty({ example: '19800101 200501 1 001', description: 'The mentor’s NIP (spaces allowed)' })
  @IsString()
  @Matches(NIP_TYPED, { message: 'mentorNip must be an 18-digit NIP' })
  mentorNip: string;

  @ApiProperty({ type: [String], description: 'One or more mentees’ NIPs (at most 50)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(NIP_TYPED, { each: true, message: 'each of menteeNips must be an 18-digit NIP' })
  menteeNips: string[];

  @ApiProperty({ example: 'M.06' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,20}$/, { message: 'competencyCode must be a competency code' })
  competencyCode: string;
}

export const PAIRING_OUTCOMES = ['completed', 'ended'] as const;

export class EndPairingDto {
  @ApiProperty({ enum: PAIRING_OUTCOMES, description: 'completed: goal met; ended: stopped early' })
  @IsIn(PAIRING_OUTCOMES)
  outcome: (typeof PAIRING_OUTCOMES)[number];

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    description: 'The level the mentee reached (completed only): recorded as competency evidence',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  achievedLevel?: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class LogSessionDto {
  @ApiProperty({ example: '2026-03-02', description: 'The day it took place (WIB)' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'heldOn must be a date (YYYY-MM-DD)' })
  heldOn: string;

  @ApiProperty({ example: 'Menyusun rencana kerja tim', maxLength: 200 })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  topic: string;

  @ApiProperty({ minimum: SESSION_MINUTES.min, maximum: SESSION_MINUTES.max })
  @Type(() => Number)
  @IsInt()
  @Min(SESSION_MINUTES.min)
  @Max(SESSION_MINUTES.max)
  minutes: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class DisputeSessionDto {
  @ApiProperty({ example: 'Sesi ini tidak pernah berlangsung', minLength: 5, maxLength: 500 })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason: string;
}

export class PairingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PAIRING_STATUSES })
  @IsOptional()
  @IsIn(PAIRING_STATUSES)
  status?: PairingStatus;
}
