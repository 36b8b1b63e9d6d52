import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class TargetPositionDto {
  @ApiProperty({ description: 'The position (jabatan) aimed for next' })
  @IsUUID()
  positionId: string;
}
