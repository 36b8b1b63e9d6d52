import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { EMAIL_MODES, EmailMode, IN_APP_MODES, InAppMode, NOTIFICATION_CATEGORIES } from '../domain/categories';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CategoryPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_CATEGORIES })
  @IsIn(NOTIFICATION_CATEGORIES)
  category: string;

  @ApiPropertyOptional({ enum: IN_APP_MODES })
  @IsOptional()
  @IsIn(IN_APP_MODES)
  inApp?: InAppMode;

  @ApiPropertyOptional({
    enum: EMAIL_MODES,
    description: 'auto: at once when urgent, otherwise in the daily digest',
  })
  @IsOptional()
  @IsIn(EMAIL_MODES)
  email?: EmailMode;
}

export class QuietHoursDto {
  @ApiProperty({ example: '21:00', description: 'WIB' })
  @Matches(CLOCK, { message: 'start must be a time such as 21:00' })
  start: string;

  @ApiProperty({ example: '06:00', description: 'WIB' })
  @Matches(CLOCK, { message: 'end must be a time such as 06:00' })
  end: string;
}

/** Changes to a person's notification settings; what is left out stays as it is. */
export class UpdatePreferencesDto {
  @ApiPropertyOptional({ type: [CategoryPreferenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NOTIFICATION_CATEGORIES.length)
  @ValidateNested({ each: true })
  @Type(() => CategoryPreferenceDto)
  categories?: CategoryPreferenceDto[];

  @ApiPropertyOptional({ type: QuietHoursDto, nullable: true, description: 'null: no quiet hours' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto | null;
}
