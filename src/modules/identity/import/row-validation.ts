import { normaliseGrade, EmployeeType, EMPLOYEE_TYPES } from '../domain/golongan';
import { checkNip } from '../domain/nip';
import { columnLabel, ImportColumn, ImportRow } from './import-file';

export interface RowProblem {
  line: number;
  column: string;
  reason: string;
}

/** A row ready to apply: every reference resolved. */
export interface ImportRecord {
  line: number;
  nip: string;
  name: string;
  email: string | null;
  phone: string | null;
  employeeType: EmployeeType;
  golongan: string | null;
  positionId: string | null;
  unitId: string;
  regionCode: string;
  supervisorNip: string | null;
}

export interface RowContext {
  now: Date;
  unitsByCode: Map<string, { id: string; regionCode: string }>;
  positionsByCode: Map<string, { id: string }>;
  /** Is a unit's region inside the importer's scope? */
  inScope(regionCode: string): boolean;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** Checks one row on its own (cross-row and database checks come after). */
export function validateRow(row: ImportRow, ctx: RowContext): { record: ImportRecord } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const v = row.values;
  const fail = (column: ImportColumn, reason: string) =>
    problems.push({ line: row.line, column: columnLabel(column), reason });

  const nip = checkNip(v.nip ?? '', ctx.now);
  if (!v.nip) fail('nip', 'NIP is required');
  else if (!nip.ok) fail('nip', nip.message);

  const name = v.name ?? '';
  if (!name) fail('name', 'nama is required');
  else if (name.length > 150) fail('name', 'nama is longer than 150 characters');

  const email = v.email?.toLowerCase() ?? null;
  if (email && (email.length > 254 || !EMAIL.test(email))) fail('email', `${v.email} is not a valid e-mail address`);
  const phone = v.phone ?? null;
  if (phone && !PHONE.test(phone)) fail('phone', 'telepon may hold digits, spaces, +, (, ) and - (6-20 characters)');

  const type = v.employeeType?.toUpperCase() as EmployeeType | undefined;
  if (!type) fail('employeeType', 'jenis_pegawai is required (PNS or PPPK)');
  else if (!EMPLOYEE_TYPES.includes(type)) fail('employeeType', `${v.employeeType} is not PNS or PPPK`);

  const grade = v.golongan && type && EMPLOYEE_TYPES.includes(type) ? normaliseGrade(type, v.golongan) : null;
  if (v.golongan && type && EMPLOYEE_TYPES.includes(type) && !grade)
    fail('golongan', `${v.golongan} is not a ${type} grade`);

  const position = v.positionCode ? ctx.positionsByCode.get(v.positionCode) : undefined;
  if (v.positionCode && !position) fail('positionCode', `no position has the code ${v.positionCode}`);

  const unit = v.unitCode ? ctx.unitsByCode.get(v.unitCode) : undefined;
  if (!v.unitCode) fail('unitCode', 'kode_unit is required');
  else if (!unit) fail('unitCode', `no unit has the code ${v.unitCode}`);
  else if (!ctx.inScope(unit.regionCode)) fail('unitCode', `unit ${v.unitCode} is outside your region`);

  const supervisor = v.supervisorNip ? checkNip(v.supervisorNip, ctx.now) : null;
  if (supervisor && !supervisor.ok) fail('supervisorNip', `nip_atasan: ${supervisor.message}`);
  if (supervisor?.ok && nip.ok && supervisor.nip === nip.nip)
    fail('supervisorNip', 'a person cannot be their own supervisor');

  if (problems.length > 0 || !nip.ok || !unit || !type) return { problems };
  return {
    record: {
      line: row.line,
      nip: nip.nip,
      name,
      email,
      phone,
      employeeType: type,
      golongan: grade,
      positionId: position?.id ?? null,
      unitId: unit.id,
      regionCode: unit.regionCode,
      supervisorNip: supervisor?.ok ? supervisor.nip : null,
    },
  };
}
