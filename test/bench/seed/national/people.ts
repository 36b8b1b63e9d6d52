import type { EntityManager } from 'typeorm';
import { PNS_GRADES, PPPK_GRADES } from '../../../../src/modules/identity/domain/golongan';
import { ledgerYearOf } from '../../../../src/modules/learning/domain/ledger';
import { Cell, idMaker, insertAll, rng, sqlDate, TableRows, tableRows } from './bulk';
import { NationalReference, pick } from './reference';
import { BIG_PROVINCES } from './regions';

const DAY = 86_400_000;
const FIRST = [
  'Agus',
  'Siti',
  'Budi',
  'Dewi',
  'Eko',
  'Fitri',
  'Hendra',
  'Indah',
  'Joko',
  'Kartika',
  'Lukman',
  'Maria',
  'Nur',
  'Putu',
  'Rina',
  'Sri',
  'Teguh',
  'Wayan',
  'Yusuf',
  'Zainal',
];
const LAST = [
  'Pratama',
  'Lestari',
  'Santoso',
  'Hidayat',
  'Wulandari',
  'Saputra',
  'Siregar',
  'Nasution',
  'Simanjuntak',
  'Rahman',
  'Kurniawan',
  'Setiawan',
  'Harahap',
  'Wijaya',
  'Gunawan',
  'Nugroho',
  'Purba',
  'Manurung',
  'Tambunan',
  'Sihombing',
];
/** PNS grades weighted as in BKN's statistics: mostly III, then IV and II. */
const PNS_WEIGHTS = [1, 1, 1, 1, 3, 4, 4, 4, 9, 10, 10, 9, 9, 5, 2, 1, 0.2];
/** Plans of the current year by status, as a mid-year snapshot would show them. */
const PLAN_STATUSES: ReadonlyArray<[string, number]> = [
  ['draft', 15],
  ['submitted', 15],
  ['returned', 5],
  ['endorsed', 10],
  ['approved', 20],
  ['in_progress', 35],
];

/** The rows of one person's life in the platform, written table by table per chunk of people. */
export interface PeopleTables {
  user: TableRows;
  enrolment: TableRows;
  ledger: TableRows;
  evidence: TableRows;
  plan: TableRows;
  evaluation: TableRows;
}

export function peopleTables(): PeopleTables {
  return {
    user: tableRows('user_account', [
      'id',
      'nip',
      'name',
      'email',
      'phone',
      'password_hash',
      'role',
      'employee_type',
      'golongan',
      'position_id',
      'unit_id',
      'region_code',
      'scope_region_code',
      'supervisor_id',
      'locale',
      'active',
      'created_at',
      'updated_at',
    ]),
    enrolment: tableRows('enrolment', [
      'id',
      'user_id',
      'course_id',
      'version_id',
      'region_code',
      'unit_id',
      'status',
      'source',
      'assignment_id',
      'deadline',
      'last_lesson_id',
      'enrolled_at',
      'completed_at',
      'updated_at',
    ]),
    ledger: tableRows('jp_ledger_entry', [
      'id',
      'user_id',
      'year',
      'jp_tenths',
      'source',
      'source_id',
      'title',
      'earned_at',
    ]),
    evidence: tableRows('competency_evidence', [
      'id',
      'user_id',
      'competency_code',
      'level',
      'source',
      'source_id',
      'earned_at',
    ]),
    plan: tableRows('development_plan', [
      'id',
      'user_id',
      'year',
      'status',
      'region_code',
      'unit_id',
      'supervisor_id',
      'target_jp_tenths',
      'planned_jp_tenths',
      'earned_jp_tenths',
      'summary',
      'version',
      'submitted_at',
      'approved_at',
      'closed_at',
      'created_at',
      'updated_at',
    ]),
    evaluation: tableRows('course_evaluation', [
      'id',
      'enrolment_id',
      'user_id',
      'course_id',
      'version_id',
      'completed_at',
      'requested_at',
      'answered_at',
      'material',
      'delivery',
      'usefulness',
      'comment',
      'unit_id',
      'answer_year',
    ]),
  };
}

export interface PeopleCounts {
  learners: number;
  enrolments: number;
  ledger: number;
  evidence: number;
  plans: number;
  evaluations: number;
}

/** Generates people [from, to) with everything they did; deterministic per person index. */
export class PeopleGenerator {
  private readonly ids: Record<keyof PeopleTables, () => string>;
  private readonly pnsCum: Float64Array;
  private readonly positionCum: Float64Array;
  private readonly year: number;

  constructor(
    private readonly ref: NationalReference,
    private readonly seed: number,
    private readonly now: Date,
  ) {
    this.ids = {
      user: idMaker(0x20, seed),
      enrolment: idMaker(0x21, seed),
      ledger: idMaker(0x22, seed),
      evidence: idMaker(0x23, seed),
      plan: idMaker(0x24, seed),
      evaluation: idMaker(0x25, seed),
    };
    const cum = (w: number[]) => Float64Array.from(w.map((_, i) => w.slice(0, i + 1).reduce((a, b) => a + b, 0)));
    this.pnsCum = cum(PNS_WEIGHTS);
    this.positionCum = cum(ref.positions.map((p) => p.weight));
    this.year = ledgerYearOf(now);
  }

  /** Adds people [from, to) to the tables (ids follow the order of calls, so call in order). */
  generate(t: PeopleTables, from: number, to: number, counts: PeopleCounts): void {
    for (let i = from; i < to; i++) this.person(t, i, counts);
  }

  private person(t: PeopleTables, index: number, counts: PeopleCounts): void {
    const r = rng(this.seed * 1_000_003 + index);
    const now = this.now.getTime();
    const unit = this.ref.units[pick(this.ref.unitCumulative, r())];
    const id = this.ids.user();
    const pppk = r() < 0.25;
    const golongan = pppk ? PPPK_GRADES[5 + Math.floor(r() * 6)] : PNS_GRADES[pick(this.pnsCum, r())][0];
    const birth = 1965 + Math.floor(r() * 35);
    const nip = `${birth}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}9${String(index).padStart(7, '0')}${Math.min(2024, birth + 22 + Math.floor(r() * 10))}`;
    const name = `${FIRST[Math.floor(r() * FIRST.length)]} ${LAST[Math.floor(r() * LAST.length)]}`;
    const joined = sqlDate(new Date(now - (400 + Math.floor(r() * 2000)) * DAY));
    const position = this.ref.positions[pick(this.positionCum, r())].id;
    t.user.rows.push([
      id,
      nip,
      name,
      null,
      null,
      null,
      'learner',
      pppk ? 'PPPK' : 'PNS',
      golongan,
      position,
      unit.id,
      unit.regionCode,
      null,
      null,
      'id',
      1,
      joined,
      joined,
    ]);
    counts.learners++;

    const earned = new Map<number, number>();
    const taken = new Set<number>();
    const enrol = (courseIndex: number, assignment: { id: string; deadline: Date } | null) => {
      taken.add(courseIndex);
      const course = this.ref.courses[courseIndex];
      const eid = this.ids.enrolment();
      const enrolledAt = assignment
        ? Math.min(now - DAY, assignment.deadline.getTime() - Math.floor(r() * 90) * DAY)
        : now - Math.floor(r() * 540 * DAY);
      const requested = !assignment && course.approval && r() < 0.2;
      // Older enrolments are more often finished; a completion takes one day to two months.
      const age = (now - enrolledAt) / (540 * DAY);
      const completedAt =
        !requested && r() < 0.25 + 0.6 * age
          ? Math.min(now - 3_600_000, enrolledAt + (1 + Math.floor(r() * 60)) * DAY)
          : null;
      const status = requested ? 'requested' : completedAt ? 'completed' : 'active';
      const updated = sqlDate(new Date(completedAt ?? enrolledAt));
      t.enrolment.rows.push([
        eid,
        id,
        course.id,
        course.versionId,
        unit.regionCode,
        unit.id,
        status,
        assignment ? 'assigned' : 'self',
        assignment?.id ?? null,
        assignment ? sqlDate(assignment.deadline) : null,
        null,
        sqlDate(new Date(enrolledAt)),
        completedAt ? sqlDate(new Date(completedAt)) : null,
        updated,
      ]);
      counts.enrolments++;
      if (!completedAt) return;
      const done = new Date(completedAt);
      const year = ledgerYearOf(done);
      t.ledger.rows.push([this.ids.ledger(), id, year, course.jpTenths, 'course', eid, course.title, updated]);
      counts.ledger++;
      earned.set(year, (earned.get(year) ?? 0) + course.jpTenths);
      for (const [code, level] of course.competencies) {
        t.evidence.rows.push([this.ids.evidence(), id, code, level, 'course', eid, updated]);
        counts.evidence++;
      }
      if (r() < 0.7) {
        const answered = r() < 0.6 ? new Date(Math.min(now - 60_000, completedAt + Math.floor(r() * 5) * DAY)) : null;
        const score = () => (answered ? 3 + Math.floor(r() * 3) : null);
        const row: Cell[] = [this.ids.evaluation(), eid, id, course.id, course.versionId, updated, updated];
        t.evaluation.rows.push([
          ...row,
          answered && sqlDate(answered),
          score(),
          score(),
          score(),
          null,
          unit.id,
          answered && ledgerYearOf(answered),
        ]);
        counts.evaluations++;
      }
    };

    for (const a of this.ref.assignmentsByProvince.get(unit.provinceCode) ?? []) {
      if (r() < 0.3 && !taken.has(a.courseIndex)) enrol(a.courseIndex, a);
    }
    // About ten enrolments per person on average: twelve in the big provinces, eight elsewhere.
    const mean = BIG_PROVINCES.has(unit.provinceCode) ? 12 : 8;
    const wanted = Math.max(0, Math.round(mean * (0.3 + 1.4 * r())));
    for (let tries = 0; taken.size < wanted && tries < wanted * 4; tries++) {
      const c = pick(this.ref.courseCumulative, r());
      if (!taken.has(c)) enrol(c, null);
    }

    const target = pppk ? 0 : 200;
    const planYear = (year: number, status: string) => {
      const created = new Date(Math.min(now - DAY, Date.UTC(year, 0, 5) + Math.floor(r() * 60) * DAY));
      const submitted = status !== 'draft' ? sqlDate(new Date(created.getTime() + 3 * DAY)) : null;
      const approved = ['approved', 'in_progress', 'closed'].includes(status) ? submitted : null;
      const closed = status === 'closed' ? sqlDate(new Date(Date.UTC(year, 11, 31, 10))) : null;
      t.plan.rows.push([
        this.ids.plan(),
        id,
        year,
        status,
        unit.regionCode,
        unit.id,
        null,
        target,
        200 + Math.floor(r() * 5) * 40,
        earned.get(year) ?? 0,
        closed && 'Rencana tahun ini terlaksana.',
        1,
        submitted,
        approved,
        closed,
        sqlDate(created),
        sqlDate(created),
      ]);
      counts.plans++;
    };
    if (r() < 0.4) planYear(this.year - 1, 'closed');
    if (r() < 0.6) {
      const u = r() * 100;
      let acc = 0;
      planYear(this.year, PLAN_STATUSES.find(([, w]) => (acc += w) > u)?.[0] ?? 'in_progress');
    }
  }
}

/** Writes the generated tables in an order that keeps foreign facts before the facts about them. */
export async function writePeople(m: EntityManager, t: PeopleTables): Promise<void> {
  for (const name of ['user', 'enrolment', 'ledger', 'evidence', 'plan', 'evaluation'] as const) {
    await insertAll(m, t[name]);
  }
}
