/** PNS grades (golongan/ruang) with their pangkat, lowest first. */
export const PNS_GRADES = [
  ['I/a', 'Juru Muda'],
  ['I/b', 'Juru Muda Tingkat I'],
  ['I/c', 'Juru'],
  ['I/d', 'Juru Tingkat I'],
  ['II/a', 'Pengatur Muda'],
  ['II/b', 'Pengatur Muda Tingkat I'],
  ['II/c', 'Pengatur'],
  ['II/d', 'Pengatur Tingkat I'],
  ['III/a', 'Penata Muda'],
  ['III/b', 'Penata Muda Tingkat I'],
  ['III/c', 'Penata'],
  ['III/d', 'Penata Tingkat I'],
  ['IV/a', 'Pembina'],
  ['IV/b', 'Pembina Tingkat I'],
  ['IV/c', 'Pembina Utama Muda'],
  ['IV/d', 'Pembina Utama Madya'],
  ['IV/e', 'Pembina Utama'],
] as const;

/** PPPK grades I to XVII. */
export const PPPK_GRADES = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
] as const;

export const EMPLOYEE_TYPES = ['PNS', 'PPPK'] as const;
export type EmployeeType = (typeof EMPLOYEE_TYPES)[number];

const PNS_CODES: readonly string[] = PNS_GRADES.map(([code]) => code);

/** Normalises "iii/a", "III / A" or "3a"-style input is not guessed: only the official spelling, any case. */
export function normaliseGrade(type: EmployeeType, grade: string): string | null {
  const cleaned = grade.replace(/\s+/g, '').toUpperCase();
  if (type === 'PNS') {
    const match = PNS_CODES.find((code) => code.toUpperCase() === cleaned);
    return match ?? null;
  }
  return (PPPK_GRADES as readonly string[]).includes(cleaned) ? cleaned : null;
}

export function pangkatOf(grade: string): string | null {
  return PNS_GRADES.find(([code]) => code === grade)?.[1] ?? null;
}
