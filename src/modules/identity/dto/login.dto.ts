import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: 'NIP (spaces allowed) or e-mail', example: '19860926 201505 1 001' })
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  username: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}
