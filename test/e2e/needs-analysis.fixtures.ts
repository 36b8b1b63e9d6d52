import { TransactionRunner } from '../../libs/database';
import { fakeNip, TEST_PASSWORD, TestApp } from '../../libs/testing';
import { IdentityApi } from '../../src/modules/identity/identity.api';
import { LearningApi } from '../../src/modules/learning/learning.api';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';

let sequence = 0;

/** A position with a job standard (required level per competency). */
export async function givenPosition(t: TestApp, standard: Record<string, number>): Promise<string> {
  const n = `${Date.now() % 100000}-${++sequence}`;
  const org = t.get(OrganisationApi);
  const position = await org.ensurePosition({ code: `JAB-${n}`, name: `Jabatan uji ${n}`, kind: 'functional' });
  await org.setStandard(position.id, {
    requirements: Object.entries(standard).map(([competencyCode, requiredLevel]) => ({
      competencyCode,
      requiredLevel,
    })),
  });
  return position.id;
}

/** An ASN in a unit and a position, who can sign in; returns their id, NIP, login and bearer. */
export async function givenAsn(t: TestApp, unitId: string, positionId: string | null) {
  const n = `${Date.now() % 100000}${++sequence}`;
  const email = `asn${n}@uji.bina.id`;
  const nip = fakeNip();
  const user = await t.get(IdentityApi).provisionAccount({
    name: `ASN Uji ${n}`,
    role: 'learner',
    password: TEST_PASSWORD,
    email,
    nip,
    employeeType: 'PNS',
    golongan: 'III/a',
    unitId,
    positionId,
  });
  return { user, nip, username: email, password: TEST_PASSWORD, auth: await t.bearer(email, TEST_PASSWORD) };
}

/** Competency evidence as a verified external activity leaves it (JP credit and levels). */
export async function givenEvidence(
  t: TestApp,
  userId: string,
  competencies: Record<string, number>,
  earnedAt = new Date('2026-02-01T03:00:00Z'),
  source: 'course' | 'external' | 'mentoring' = 'external',
): Promise<void> {
  await t.get(TransactionRunner).run((m) =>
    t.get(LearningApi).recordCredit(m, {
      userId,
      source,
      sourceId: crypto.randomUUID(),
      title: 'Kegiatan uji',
      year: earnedAt.getUTCFullYear(),
      jpTenths: 20,
      earnedAt,
      competencies: Object.entries(competencies).map(([code, level]) => ({ code, level })),
    }),
  );
}
