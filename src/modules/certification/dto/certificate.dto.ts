import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../../../libs/common';
import { CERTIFICATE_STATUSES, CertificateStatus } from '../entities';

/** Revocation and re-issue both need a reason: it is audited and shown to the holder. */
export class ReasonDto {
  @ApiProperty({ example: 'Nama peserta salah ketik' })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason: string;
}

export class CourseCertificatesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES })
  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES)
  status?: CertificateStatus;
}
