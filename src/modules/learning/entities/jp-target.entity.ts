import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EmployeeType } from '../../identity/domain/golongan';

/** The yearly JP target of an employee type; year 0 holds the default for years without their own row. */
@Entity('jp_target')
export class JpTarget {
  @PrimaryColumn({ name: 'employee_type', type: 'varchar', length: 4 })
  employeeType: EmployeeType;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ name: 'target_jp', type: 'int' })
  targetJp: number;
}
