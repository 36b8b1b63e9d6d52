import type { EmployeeType } from '../../identity/domain/golongan';

export interface TargetRow {
  employeeType: EmployeeType;
  year: number;
  targetJp: number;
}

/** The target that applies to a year: its own row if there is one, else the default (year 0), else none. */
export function targetFor(rows: TargetRow[], employeeType: EmployeeType, year: number): number | null {
  const own = rows.find((r) => r.employeeType === employeeType && r.year === year);
  if (own) return own.targetJp;
  return rows.find((r) => r.employeeType === employeeType && r.year === 0)?.targetJp ?? null;
}
