import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last serial number given per issuer and year (numbers run from 1 each year). */
@Entity('certificate_serial')
export class CertificateSerial {
  /** `<issuer code>:<year>` */
  @PrimaryColumn({ name: 'serial_key', type: 'varchar', length: 60 })
  serialKey: string;

  @Column({ name: 'last_number', type: 'int' })
  lastNumber: number;
}
