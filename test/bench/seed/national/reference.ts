import type { EntityManager } from 'typeorm';
import { DEMO_POSITIONS, DEMO_STANDARDS } from '../../../../src/demo/demo-data';
import { Cell, idMaker, insertAll, rng, sqlDate, tableRows } from './bulk';
import { PROVINCES, regencies } from './regions';

/** The OPD of every kabupaten/kota besides its BKPSDM, with their share of its ASN. */
const AGENCIES: ReadonlyArray<[abbr: string, name: string, weight: number]> = [
  ['DISDIK', 'Dinas Pendidikan', 34],
  ['DINKES', 'Dinas Kesehatan', 16],
  ['RSUD', 'Rumah Sakit Umum Daerah', 10],
  ['SETDA', 'Sekretariat Daerah', 8],
  ['KEC', 'Kantor Kecamatan se-', 8],
  ['PUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', 5],
  ['DINSOS', 'Dinas Sosial', 4],
  ['DUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 4],
  ['BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', 3],
  ['INSP', 'Inspektorat', 3],
];
const PROVINCE_AGENCIES = AGENCIES.filter(([abbr]) => !['KEC', 'DISDIK'].includes(abbr)).concat([
  ['DISDIK', 'Dinas Pendidikan dan Kebudayaan', 30],
]);
/** Share of a province's ASN working for the province government (the rest in its kabupaten/kota). */
const PROVINCE_SHARE = 0.15;

/** Positions besides the demo ones (whose standards are reused), with their standards. */
const EXTRA_POSITIONS: ReadonlyArray<{
  code: string;
  name: string;
  kind: 'functional' | 'structural' | 'executor';
  standard: Array<[string, number]>;
}> = [
  {
    code: 'JF-GURU-AM',
    name: 'Guru Ahli Muda',
    kind: 'functional',
    standard: [
      ['M.01', 2],
      ['M.04', 2],
      ['M.07', 2],
      ['S.01', 2],
    ],
  },
  {
    code: 'JF-PERAWAT-TRP',
    name: 'Perawat Terampil',
    kind: 'functional',
    standard: [
      ['M.01', 2],
      ['M.05', 2],
      ['S.01', 2],
    ],
  },
  {
    code: 'JF-ANALIS-KEBIJAKAN-AM',
    name: 'Analis Kebijakan Ahli Muda',
    kind: 'functional',
    standard: [
      ['M.01', 3],
      ['M.02', 2],
      ['M.06', 3],
      ['M.08', 3],
      ['S.01', 2],
    ],
  },
  {
    code: 'JP-PENGELOLA-KEUANGAN',
    name: 'Pengelola Keuangan',
    kind: 'executor',
    standard: [
      ['M.01', 2],
      ['M.03', 2],
      ['M.05', 2],
      ['S.01', 1],
    ],
  },
];
/** How common each position is among the generated ASN (teachers are the largest group). */
const POSITION_WEIGHTS: Record<string, number> = {
  'JF-GURU-AM': 30,
  'JP-PENGADM-UMUM': 20,
  'JP-PENGELOLA-KEUANGAN': 14,
  'JF-PERAWAT-TRP': 10,
  'JF-ANALIS-SDM-AP': 8,
  'JF-ANALIS-KEBIJAKAN-AM': 8,
  'JS-KASI-PELAYANAN': 8,
  'JF-WIDYAISWARA-AM': 2,
};

const COMPETENCIES: ReadonlyArray<[string, 'manajerial' | 'sosial_kultural']> = [
  ['M.01', 'manajerial'],
  ['M.02', 'manajerial'],
  ['M.03', 'manajerial'],
  ['M.04', 'manajerial'],
  ['M.05', 'manajerial'],
  ['M.06', 'manajerial'],
  ['M.07', 'manajerial'],
  ['M.08', 'manajerial'],
  ['S.01', 'sosial_kultural'],
];
const TOPICS = [
  'Pelayanan Publik',
  'Kepemimpinan',
  'Etika dan Integritas',
  'Pengelolaan Keuangan Daerah',
  'Transformasi Digital',
  'Perencanaan Pembangunan',
  'Kearsipan',
  'Pengadaan Barang/Jasa',
  'Inovasi Pelayanan',
  'Manajemen Kinerja',
  'Penganggaran',
  'Analisis Data',
  'Analisis Kebijakan',
  'Komunikasi Publik',
  'Kolaborasi Antarinstansi',
  'Pengawasan Internal',
  'Manajemen Aset',
  'Perizinan Berusaha',
  'Pelayanan Kesehatan',
  'Pembelajaran Abad 21',
  'Administrasi Kependudukan',
  'Pengelolaan Lingkungan',
  'Penanggulangan Bencana',
  'Moderasi Beragama',
];
export const COURSE_COUNT = 240;
const ASSIGNMENTS_PER_PROVINCE = 4;

export interface NationalUnit {
  id: string;
  regionCode: string;
  provinceCode: string;
  weight: number;
}
export interface NationalCourse {
  id: string;
  versionId: string;
  title: string;
  jpTenths: number;
  approval: boolean;
  competencies: Array<[string, number]>;
  weight: number;
}
export interface NationalAssignment {
  id: string;
  courseIndex: number;
  deadline: Date;
}
export interface NationalReference {
  units: NationalUnit[];
  /** Cumulative unit weights, for sampling a person's unit. */
  unitCumulative: Float64Array;
  positions: Array<{ id: string; weight: number }>;
  courses: NationalCourse[];
  courseCumulative: Float64Array;
  assignmentsByProvince: Map<string, NationalAssignment[]>;
  adminId: string;
  regions: number;
}

export function cumulative(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

/** Index of the weighted pick for a uniform u in [0, 1). */
export function pick(cum: Float64Array, u: number): number {
  const target = u * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Regions (those already present, e.g. the demo's, are kept), units, positions with their
 * standards, the published catalogue, the assignments and the account that made them.
 */
export async function seedReference(m: EntityManager, seed: number, now: Date): Promise<NationalReference> {
  const random = rng(seed ^ 0x5eed);
  const unitId = idMaker(0x10, seed);
  const at = sqlDate(now);

  const existing = new Set((await m.query('SELECT code FROM region')).map((r: { code: string }) => r.code));
  const region = tableRows('region', ['code', 'name', 'level', 'parent_code']);
  for (const p of PROVINCES) if (!existing.has(p.code)) region.rows.push([p.code, p.name, 'province', null]);
  const allRegencies = regencies();
  for (const r of allRegencies) if (!existing.has(r.code)) region.rows.push([r.code, r.name, r.level, r.provinceCode]);
  const regions = await insertAll(m, region);

  const unit = tableRows('unit', ['id', 'code', 'name', 'kind', 'region_code', 'created_at']);
  const units: NationalUnit[] = [];
  const totalWeight = PROVINCES.reduce((s, p) => s + p.asnWeight, 0);
  for (const p of PROVINCES) {
    const share = p.asnWeight / totalWeight;
    const addUnits = (
      regionCode: string,
      regionName: string,
      weight: number,
      training: [string, string],
      agencies: typeof AGENCIES,
    ) => {
      const flat = regionCode.replace('.', '');
      const parts: Array<[string, string, number, 'training_unit' | 'agency']> = [
        [training[0], `${training[1]} ${regionName}`, 5, 'training_unit'],
        ...agencies.map(
          ([abbr, name, w]) => [abbr, `${name} ${regionName}`, w, 'agency'] as [string, string, number, 'agency'],
        ),
      ];
      const sum = parts.reduce((s, x) => s + x[2], 0);
      for (const [abbr, name, w, kind] of parts) {
        const id = unitId();
        unit.rows.push([id, `N-${abbr}-${flat}`, name.slice(0, 200), kind, regionCode, at]);
        units.push({ id, regionCode, provinceCode: p.code, weight: (weight * w * (0.6 + random() * 0.8)) / sum });
      }
    };
    addUnits(p.code, `Provinsi ${p.name}`, share * PROVINCE_SHARE, ['BPSDM', 'BPSDM'], PROVINCE_AGENCIES);
    const own = allRegencies.filter((r) => r.provinceCode === p.code);
    const weights = own.map((r) => (r.level === 'city' && r.code.endsWith('.71') ? 2 : 0.5 + random()));
    const wsum = weights.reduce((s, w) => s + w, 0);
    own.forEach((r, i) => {
      const name = r.name.replace(/^Kota Administrasi |^Kabupaten Administrasi /, (x) => x.split(' ')[0] + ' ');
      addUnits(r.code, name, (share * (1 - PROVINCE_SHARE) * weights[i]) / wsum, ['BKPSDM', 'BKPSDM'], AGENCIES);
    });
  }
  await insertAll(m, unit);

  const positions = await ensurePositions(m, seed, at);

  const adminId = idMaker(0x11, seed)();
  await m.query(
    `INSERT INTO user_account (id, nip, name, email, phone, password_hash, role, employee_type, golongan, position_id,
       unit_id, region_code, scope_region_code, supervisor_id, locale, active, created_at, updated_at)
     VALUES (?, NULL, ?, NULL, NULL, NULL, 'national_admin', NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'id', 1, ?, ?)`,
    [adminId, 'Admin Nasional (data sintetis)', at, at],
  );

  const courses = await seedCatalogue(m, seed, random, adminId, units, now);
  const assignment = tableRows('course_assignment', [
    'id',
    'course_id',
    'created_by',
    'scope_region_code',
    'filter_json',
    'nips',
    'deadline',
    'status',
    'enrolled',
    'already_enrolled',
    'out_of_scope',
    'not_found',
    'cursor',
    'error',
    'created_at',
    'finished_at',
  ]);
  const assignmentId = idMaker(0x14, seed);
  const assignmentsByProvince = new Map<string, NationalAssignment[]>();
  for (const p of PROVINCES) {
    const list: NationalAssignment[] = [];
    for (let k = 0; k < ASSIGNMENTS_PER_PROVINCE; k++) {
      const courseIndex = Math.floor(random() * courses.length);
      // Half the deadlines have passed (active enrolments then count as overdue), half are to come.
      const deadline = new Date(now.getTime() + Math.round((random() - 0.5) * 240) * 86_400_000);
      const created = new Date(Math.min(deadline.getTime(), now.getTime()) - 120 * 86_400_000);
      const id = assignmentId();
      list.push({ id, courseIndex, deadline });
      assignment.rows.push([
        id,
        courses[courseIndex].id,
        adminId,
        p.code,
        JSON.stringify({ regionCode: p.code }),
        null,
        sqlDate(deadline),
        'done',
        0,
        0,
        0,
        0,
        null,
        null,
        sqlDate(created),
        sqlDate(created),
      ]);
    }
    assignmentsByProvince.set(p.code, list);
  }
  await insertAll(m, assignment);

  return {
    units,
    unitCumulative: cumulative(units.map((u) => u.weight)),
    positions,
    courses,
    courseCumulative: cumulative(courses.map((c) => c.weight)),
    assignmentsByProvince,
    adminId,
    regions,
  };
}

async function ensurePositions(
  m: EntityManager,
  seed: number,
  at: string,
): Promise<Array<{ id: string; weight: number }>> {
  const wanted = [
    ...DEMO_POSITIONS.map((p) => ({
      ...p,
      standard: (DEMO_STANDARDS[p.code] ?? []).map((s) => [s.competencyCode, s.requiredLevel] as [string, number]),
    })),
    ...EXTRA_POSITIONS,
  ];
  const rows: Array<{ id: string; code: string }> = await m.query('SELECT id, code FROM `position`');
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const positionId = idMaker(0x12, seed);
  const out: Array<{ id: string; weight: number }> = [];
  for (const p of wanted) {
    let id = byCode.get(p.code);
    if (!id) {
      id = positionId();
      await m.query('INSERT INTO `position` (id, code, name, kind, created_at) VALUES (?, ?, ?, ?, ?)', [
        id,
        p.code,
        p.name,
        p.kind,
        at,
      ]);
      const standard = tableRows('position_competency', ['position_id', 'competency_code', 'required_level']);
      for (const [code, level] of p.standard) standard.rows.push([id, code, level]);
      await insertAll(m, standard);
    }
    out.push({ id, weight: POSITION_WEIGHTS[p.code] ?? 1 });
  }
  return out;
}

async function seedCatalogue(
  m: EntityManager,
  seed: number,
  random: () => number,
  adminId: string,
  units: NationalUnit[],
  now: Date,
): Promise<NationalCourse[]> {
  const courseId = idMaker(0x13, seed);
  const versionId = idMaker(0x15, seed);
  const partId = idMaker(0x16, seed);
  const course = tableRows('course', [
    'id',
    'status',
    'owner_unit_id',
    'created_by',
    'published_version_id',
    'draft_version_id',
    'published_at',
    'created_at',
    'updated_at',
  ]);
  const version = tableRows('course_version', [
    'id',
    'course_id',
    'number',
    'status',
    'title',
    'summary',
    'cover_key',
    'cover_mime',
    'jp_tenths',
    'enrolment_mode',
    'audience_everyone',
    'in_order',
    'deadline',
    'published_at',
    'created_at',
    'updated_at',
  ]);
  const section = tableRows('course_section', ['id', 'version_id', 'section_key', 'position', 'title']);
  const lesson = tableRows('lesson', [
    'id',
    'version_id',
    'section_id',
    'lesson_key',
    'position',
    'title',
    'kind',
    'required',
    'body_html',
    'media_key',
    'media_mime',
    'media_name',
    'media_size',
    'external_url',
    'duration_minutes',
    'quiz_id',
  ]);
  const competency = tableRows('course_competency', ['version_id', 'competency_code', 'pillar', 'level']);
  const trainers = units.filter((_, i) => i % 11 === 0);
  const courses: NationalCourse[] = [];
  for (let i = 0; i < COURSE_COUNT; i++) {
    const id = courseId();
    const vid = versionId();
    const title = `${TOPICS[i % TOPICS.length]} ${['Dasar', 'Lanjutan', 'Terapan', 'untuk Pimpinan', 'Daring'][Math.floor(i / TOPICS.length) % 5]} ${Math.floor(i / (TOPICS.length * 5)) + 1}`;
    const published = sqlDate(new Date(now.getTime() - (400 + i) * 86_400_000));
    const jpTenths = [10, 20, 20, 30, 40, 50, 80, 100, 160, 240][Math.floor(random() * 10)];
    const approval = random() < 0.15;
    const owner = random() < 0.3 ? null : trainers[Math.floor(random() * trainers.length)].id;
    course.rows.push([id, 'published', owner, adminId, vid, null, published, published, published]);
    version.rows.push([
      vid,
      id,
      1,
      'published',
      title,
      `Pelatihan ${title.toLowerCase()} bagi ASN: konsep, praktik dan studi kasus.`,
      null,
      null,
      jpTenths,
      approval ? 'approval' : 'self',
      1,
      0,
      null,
      published,
      published,
      published,
    ]);
    const sid = partId();
    section.rows.push([sid, vid, partId(), 1, 'Modul 1']);
    for (let p = 1; p <= 3; p++) {
      const row: Cell[] = [partId(), vid, sid, partId(), p, `Pelajaran ${p}`, 'text', 1];
      lesson.rows.push([...row, `<p>Materi ${p}: ${title}.</p>`, null, null, null, null, null, 30, null]);
    }
    const chosen = new Map<string, number>();
    const wanted = 1 + Math.floor(random() * 3);
    while (chosen.size < wanted) {
      const [code] = COMPETENCIES[Math.floor(random() * COMPETENCIES.length)];
      if (!chosen.has(code)) chosen.set(code, 1 + Math.floor(random() * 4));
    }
    for (const [code, level] of chosen) {
      competency.rows.push([vid, code, COMPETENCIES.find(([c]) => c === code)![1], level]);
    }
    // Popularity falls off like Zipf's law: a few courses hold most enrolments.
    courses.push({ id, versionId: vid, title, jpTenths, approval, competencies: [...chosen], weight: 1 / (i + 3) });
  }
  for (const t of [course, version, section, lesson, competency]) await insertAll(m, t);
  return courses;
}
