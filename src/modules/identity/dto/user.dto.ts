import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { ROLES, Role } from '../../../../libs/auth';
import { PageQuery } from '../../../../libs/common';
import { EMPLOYEE_TYPES, EmployeeType } from '../domain/golongan';

const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Fields an admin may set on an ASN. Role and region are not among them (see SetRoleDto). */
export class ProfileFieldsDto {
  @ApiPropertyOptional({ example: 'Siti Rahmawati, S.Kom.' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  name?: string;

  @ApiPropertyOptional({ example: 'siti@tangerangselatankota.go.id' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+62 812 1234 5678' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone may hold digits, spaces, +, (, ) and - (6-20 characters)' })
  phone?: string;

  @ApiPropertyOptional({ enum: EMPLOYEE_TYPES })
  @IsOptional()
  @IsIn(EMPLOYEE_TYPES)
  employeeType?: EmployeeType;

  @ApiPropertyOptional({ example: 'III/a' })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  golongan?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  positionId?: string;

  @ApiPropertyOptional({ description: 'The unit also fixes the region' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Direct superior (atasan langsung)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  supervisorId?: string | null;
}

export class CreateUserDto extends ProfileFieldsDto {
  @ApiProperty({ example: '19860926 201505 1 001' })
  @IsString()
  @MaxLength(30)
  nip: string;

  @ApiProperty({ example: 'Siti Rahmawati, S.Kom.' })
  @IsString()
  @MinLength(2)
  @MaxLength(150)
  declare name: string;

  @ApiProperty({ example: 'III/a' })
  @IsIn(EMPLOYEE_TYPES)
  declare employeeType: EmployeeType;

  @ApiProperty()
  @IsUUID()
  declare unitId: string;
}

export class UpdateUserDto extends ProfileFieldsDto {
  @ApiPropertyOptional({ description: 'false deactivates the account: no sign-in, no longer counted as ASN' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** What a person may change about themselves. */
export class UpdateMeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(PHONE, { message: 'phone may hold digits, spaces, +, (, ) and - (6-20 characters)' })
  phone?: string;

  @ApiPropertyOptional({ enum: ['id', 'en'] })
  @IsOptional()
  @IsIn(['id', 'en'])
  locale?: 'id' | 'en';
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ minLength: 10, maxLength: 128 })
  @IsString()
  @MinLength(10, { message: 'newPassword must be at least 10 characters' })
  @MaxLength(128)
  newPassword: string;
}

export class SetRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'Required for unit_admin: the region subtree they manage' })
  @ValidateIf((o: SetRoleDto) => o.role === 'unit_admin')
  @Matches(/^\d{2}(\.\d{2}(\.\d{2,3})?)?$/, { message: 'scopeRegionCode must be a Kemendagri code such as 36.74' })
  scopeRegionCode?: string;
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Name, NIP or e-mail contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2}(\.\d{2,3})?)?$/, { message: 'regionCode must be a Kemendagri code such as 36.74' })
  regionCode?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
