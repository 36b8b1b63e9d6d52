import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBooleanString, IsOptional } from 'class-validator';
import { PageQuery } from '../../../../libs/common';

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'true: only unread ones' })
  @IsOptional()
  @IsBooleanString()
  unread?: string;
}
