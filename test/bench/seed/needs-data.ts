import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { newId } from '../../../libs/common';
import { CompetencyAssessment, SkpRatingRecord } from '../../../src/modules/development-plans/needs/entities';
import { User } from '../../../src/modules/identity/entities';
import { CompetencyEvidence } from '../../../src/modules/learning/entities';
import { OrganisationApi } from '../../../src/modules/organisation/organisation.api';

/** The bench's own region (Kabupaten Mamuju, Sulawesi Barat): nothing else lives there. */
export const NEEDS_REGION = { province: '76', code: '76.02', name: 'Kabupaten Mamuju' };

const CODES = ['M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07', 'M.08', 'S.01'];
const UNITS = 50;
const POSITIONS = 20;
const EVIDENCE_PER_PERSON = 3;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function insertChunks<T extends ObjectLiteral>(m: EntityManager, entity: new () => T, rows: T[], size: number) {
  for (let i = 0; i < rows.length; i += size) {
    await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + size))
      .updateEntity(false)
      .execute();
  }
}

export interface SeededRegion {
  regionCode: string;
  people: number;
  evidence: number;
}

/**
 * A region of `count` ASN in 50 units and 20 positions (each with a standard of 4-7
 * competencies), with 3 pieces of course evidence each, an SKP rating for one in ten and
 * an assessment for one in twenty. Reference data goes through the facade; the bulk
 * through multi-row inserts.
 */
export async function seedNeedsRegion(db: DataSource, org: OrganisationApi, count: number): Promise<SeededRegion> {
  const random = rng(count);
  await org.ensureRegions([
    { code: NEEDS_REGION.province, name: 'Sulawesi Barat', level: 'province', parentCode: null },
    { code: NEEDS_REGION.code, name: NEEDS_REGION.name, level: 'regency', parentCode: NEEDS_REGION.province },
  ]);
  const units: string[] = [];
  for (let i = 0; i < UNITS; i++) {
    const unit = await org.ensureUnit({
      code: `BENCH-7602-${i + 1}`,
      name: `OPD Bench Mamuju ${i + 1}`,
      kind: 'agency',
      regionCode: NEEDS_REGION.code,
    });
    units.push(unit.id);
  }
  const positions: string[] = [];
  for (let i = 0; i < POSITIONS; i++) {
    const position = await org.ensurePosition({
      code: `BENCH-JAB-${i + 1}`,
      name: `Jabatan Bench ${i + 1}`,
      kind: 'functional',
    });
    const wanted = 4 + Math.floor(random() * 4);
    const codes = [...CODES].sort(() => random() - 0.5).slice(0, wanted);
    await org.setStandard(position.id, {
      requirements: codes.map((competencyCode) => ({ competencyCode, requiredLevel: 2 + Math.floor(random() * 3) })),
    });
    positions.push(position.id);
  }
  const now = new Date();
  const users: User[] = [];
  const evidence: CompetencyEvidence[] = [];
  const ratings: SkpRatingRecord[] = [];
  const assessments: CompetencyAssessment[] = [];
  const skpWords = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
  for (let i = 0; i < count; i++) {
    const id = newId();
    users.push({
      id,
      nip: `76${String(i).padStart(16, '0')}`,
      name: `ASN Bench Mamuju ${i}`,
      email: null,
      phone: null,
      passwordHash: null,
      role: 'learner',
      employeeType: 'PNS',
      golongan: 'III/a',
      positionId: positions[i % POSITIONS],
      unitId: units[i % UNITS],
      regionCode: NEEDS_REGION.code,
      scopeRegionCode: null,
      supervisorId: null,
      locale: 'id',
      active: true,
      sessionsValidFrom: null,
      signedOutTokens: null,
      createdAt: now,
      updatedAt: now,
    });
    for (let k = 0; k < EVIDENCE_PER_PERSON; k++) {
      evidence.push({
        id: newId(),
        userId: id,
        competencyCode: CODES[Math.floor(random() * CODES.length)],
        level: 1 + Math.floor(random() * 4),
        source: 'course',
        sourceId: newId(),
        earnedAt: new Date(now.getTime() - Math.floor(random() * 700) * 86_400_000),
      });
    }
    if (i % 10 === 0) {
      ratings.push({
        id: newId(),
        userId: id,
        year: now.getUTCFullYear() - 1,
        rating: skpWords[Math.floor(random() * skpWords.length)],
        regionCode: NEEDS_REGION.code,
        importedBy: id,
        importedAt: now,
      });
    }
    if (i % 20 === 0) {
      assessments.push({
        id: newId(),
        userId: id,
        competencyCode: CODES[i % CODES.length],
        level: 1 + Math.floor(random() * 5),
        assessedOn: new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10),
        source: 'assessment_centre',
        note: null,
        regionCode: NEEDS_REGION.code,
        recordedBy: id,
        createdAt: now,
      });
    }
  }
  await db.transaction(async (m) => {
    await insertChunks(m, User, users, 1000);
    await insertChunks(m, CompetencyEvidence, evidence, 1000);
    await insertChunks(m, SkpRatingRecord, ratings, 1000);
    await insertChunks(m, CompetencyAssessment, assessments, 1000);
  });
  return { regionCode: NEEDS_REGION.code, people: count, evidence: evidence.length };
}
