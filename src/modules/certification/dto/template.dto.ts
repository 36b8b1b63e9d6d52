import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class SignatoryDto {
  @ApiProperty({ example: 'Dra. Siti Rahmawati, M.Si.' })
  @IsString()
  @MinLength(1)
  @MaxLength(150)
  name: string;

  @ApiProperty({ example: '197001012000032001', required: false, nullable: true })
  @IsOptional()
  @Matches(/^\d{18}$/, { message: 'nip must be 18 digits' })
  nip: string | null;

  @ApiProperty({ example: 'Kepala BKPSDM Kota Tangerang Selatan' })
  @IsString()
  @MinLength(1)
  @MaxLength(150)
  position: string;
}

export class ShownFieldsDto {
  @IsBoolean() nip: boolean;
  @IsBoolean() competencies: boolean;
  @IsBoolean() jp: boolean;
  @IsBoolean() qr: boolean;
  @IsBoolean() serial: boolean;
}

/** The editable part of a template draft; placeholders: {nama} {nip} {kursus} {jp} {kompetensi} {tanggal}. */
export class TemplateDesignDto {
  @ApiProperty({ example: 'SERTIFIKAT' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  heading: string;

  @ApiProperty({ type: [String], example: ['Diberikan kepada {nama}', 'atas keberhasilan menyelesaikan {kursus}'] })
  @IsArray()
  @ArrayMaxSize(6)
  @IsString({ each: true })
  @MaxLength(600, { each: true })
  blocks: string[];

  @ApiProperty({ type: ShownFieldsDto })
  @ValidateNested()
  @Type(() => ShownFieldsDto)
  show: ShownFieldsDto;

  @ApiProperty({ type: [SignatoryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => SignatoryDto)
  signatories: SignatoryDto[];
}
