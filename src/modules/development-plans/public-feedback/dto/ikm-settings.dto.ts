import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PERIOD_KINDS, PeriodKind } from '../domain/survey-period';

export class IkmSettingsDto {
  @ApiPropertyOptional({ enum: PERIOD_KINDS, description: 'How long one survey period is (default semester)' })
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  periodKind?: PeriodKind;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 120,
    description: 'Fewer seconds between loading and sending refuse the form',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  minFillSeconds?: number;
}
