import { Clock } from '../../libs/common';
import { FILE_STORAGE, FileStorage } from '../../libs/storage';
import type { Response } from 'superagent';
import { Certificate, CertificateEvent, CertificateTemplateVersion } from '../../src/modules/certification/entities';
import { TemplatesService } from '../../src/modules/certification/templates/templates.service';
import { Like } from 'typeorm';
import { CertificateIssuer } from '../../src/modules/certification/issuance/certificate-issuer';
import { verifyCredential } from '../../src/modules/certification/credential';
import { PlatformSigningKey } from '../../src/modules/certification/signing';
import { formatNip } from '../../src/modules/identity/domain/nip';
import { OrganisationApi } from '../../src/modules/organisation/organisation.api';
import {
  asUser,
  createTestApp,
  decodeQrCodes,
  givenPublishedCourse,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  readPdfText,
  TestApp,
} from '../../libs/testing';

const ALLOWED_PUBLIC_FIELDS = [
  'code',
  'status',
  'holderName',
  'courseTitle',
  'jp',
  'completedOn',
  'issuedOn',
  'issuer',
  'revokedOn',
].sort();

describe('certification: one certificate per completion, a PDF and a signed credential, public verification', () => {
  let t: TestApp;
  let instructor: GivenUser;
  let tangselAdmin: GivenUser;
  let medanAdmin: GivenUser;
  let tangselUnitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    const unit = await givenUnit(t, '36.74', 'training_unit');
    tangselUnitId = unit.id;
    instructor = await givenUser(t, { role: 'instructor', unitId: unit.id });
    tangselAdmin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId: unit.id });
    medanAdmin = await givenUser(t, {
      role: 'unit_admin',
      scopeRegionCode: '12.71',
      unitId: (await givenUnit(t, '12.71')).id,
    });
  });
  afterAll(() => t.close());

  const as = (who: GivenUser) => asUser(t, who);
  const newLearner = async (regionCode = '36.74') => givenUser(t, { unitId: (await givenUnit(t, regionCode)).id });

  /** A learner who finished a course, with its certificate issued by the queued jobs. */
  async function givenCompletion(title = 'Pelayanan Publik Prima', jp = 2.5) {
    const learner = await newLearner();
    const course = await givenPublishedCourse(t, instructor.auth, {
      title,
      jp,
      competencies: [
        { code: 'M.05', level: 3 },
        { code: 'M.03', level: 2 },
      ],
    });
    expect((await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`)).status).toBe(200);
    for (const id of course.lessonIds) {
      const done = await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`);
      expect(done.status).toBe(200);
    }
    await t.drain();
    const mine = await as(learner).get('/api/certification/me/certificates');
    expect(mine.status).toBe(200);
    return { learner, course, certificate: mine.body.certificates[0] as Record<string, any> };
  }

  it('issues one certificate on completion, with the course, JP, competencies and a verification link', async () => {
    const { learner, certificate } = await givenCompletion('Pelayanan Publik Prima', 2.5);
    expect(certificate).toMatchObject({
      holderName: learner.user.name,
      holderNip: formatNip(learner.user.nip!),
      courseTitle: 'Pelayanan Publik Prima',
      jp: 2.5,
      status: 'valid',
      generation: 1,
    });
    expect(certificate.competencies).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'M.05', level: 3, name: 'Pelayanan Publik' })]),
    );
    expect(certificate.serial).toMatch(/^BINA\/U-\d+\/\d{4}\/\d{6}$/);
    expect(certificate.verificationCode).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('issues nothing more under duplicate and concurrent completion events', async () => {
    const { certificate } = await givenCompletion('Kursus Duplikat');
    const row = await t.dataSource.getRepository(Certificate).findOneByOrFail({ id: certificate.id });
    const issuer = t.get(CertificateIssuer);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => issuer.issueForEnrolment(row.enrolmentId)));
    expect(outcomes.every((o) => o === 'exists')).toBe(true);
    // Concurrent issuance past the existence check: the unique key keeps one.
    await t.dataSource.getRepository(Certificate).delete({ id: row.id });
    const raced = await Promise.all(Array.from({ length: 4 }, () => issuer.issueForEnrolment(row.enrolmentId)));
    expect(raced.filter((o) => o === 'issued')).toHaveLength(1);
    expect(await t.dataSource.getRepository(Certificate).countBy({ enrolmentId: row.enrolmentId })).toBe(1);
  });

  it('gives units whose codes print alike one run of serials, so the second unit’s learners get theirs too', async () => {
    const serials: string[] = [];
    for (const code of ['BKPSDM_SERI', 'BKPSDM-SERI']) {
      const unit = await t.get(OrganisationApi).ensureUnit({
        code,
        name: `BKPSDM ${code}`,
        kind: 'training_unit',
        regionCode: '36.74',
      });
      const teacher = await givenUser(t, { role: 'instructor', unitId: unit.id });
      const learner = await newLearner();
      const course = await givenPublishedCourse(t, teacher.auth, { title: `Kursus ${code}` });
      await as(learner).post(`/api/learning/courses/${course.courseId}/enrolment`);
      for (const id of course.lessonIds) {
        await as(learner).post(`/api/learning/courses/${course.courseId}/lessons/${id}/completion`);
      }
      await t.drain();
      const mine = await as(learner).get('/api/certification/me/certificates');
      expect(mine.body.certificates).toHaveLength(1);
      serials.push(mine.body.certificates[0].serial);
    }
    expect(serials).toEqual([
      expect.stringMatching(/^BINA\/BKPSDM-SERI\/\d{4}\/000001$/),
      expect.stringMatching(/000002$/),
    ]);
  });

  it('prints every field on the PDF, and its QR code opens the verification page', async () => {
    const { learner, certificate } = await givenCompletion('Manajemen Risiko Pelayanan', 2.5);
    const res = await as(learner).get(`/api/certification/certificates/${certificate.id}/pdf`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    const text = (await readPdfText(pdf)).replace(/\s+/g, ' ');
    for (const expected of [
      learner.user.name,
      formatNip(learner.user.nip!),
      'Manajemen Risiko Pelayanan',
      '2,5 JP',
      'Pelayanan Publik',
      certificate.serial,
      certificate.issuerName,
    ]) {
      expect(text).toContain(expected);
    }
    expect(await decodeQrCodes(pdf)).toContain(`${t.config.publicUrl}/verifikasi/${certificate.verificationCode}`);
  });

  it('signs a credential that verifies, and a tampered copy does not', async () => {
    const { learner, certificate } = await givenCompletion('Kursus Kredensial');
    const res = await as(learner).get(`/api/certification/certificates/${certificate.id}/credential`);
    expect(res.status).toBe(200);
    const credential = JSON.parse(res.text) as Record<string, any>;
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(JSON.stringify(credential)).not.toContain(learner.user.nip!);

    const good = await t.http().post('/api/verifikasi/kredensial').send(credential);
    expect(good.body).toMatchObject({ signatureValid: true, verification: { status: 'valid' } });

    const tampered = structuredClone(credential) as { credentialSubject: { achievement: { name: string } } };
    tampered.credentialSubject.achievement.name = 'Kursus Lain';
    const bad = await t.http().post('/api/verifikasi/kredensial').send(tampered);
    expect(bad.body).toMatchObject({ signatureValid: false, verification: null });
    expect(verifyCredential(tampered, t.get(PlatformSigningKey).trusted).valid).toBe(false);
  });

  it('shows the public only the allowed fields, and unknown codes in the same shape', async () => {
    const { learner, certificate } = await givenCompletion('Kursus Publik');
    const valid = await t.http().get(`/api/verifikasi/${certificate.verificationCode}`);
    expect(valid.status).toBe(200);
    expect(Object.keys(valid.body).sort()).toEqual(ALLOWED_PUBLIC_FIELDS);
    expect(valid.body).toMatchObject({
      status: 'valid',
      holderName: learner.user.name,
      courseTitle: 'Kursus Publik',
      jp: 2.5,
    });
    const body = JSON.stringify(valid.body);
    for (const secret of [learner.user.nip!, learner.user.email!, learner.user.id, certificate.id]) {
      expect(body).not.toContain(secret);
    }
    const unknown = await t.http().get(`/api/verifikasi/${'x'.repeat(24)}`);
    expect(unknown.status).toBe(200);
    expect(Object.keys(unknown.body).sort()).toEqual(ALLOWED_PUBLIC_FIELDS);
    expect(unknown.body.status).toBe('unknown');
  });

  it('revokes at once with a reason (audited), only within the admin region', async () => {
    const { learner, certificate } = await givenCompletion('Kursus Dicabut');
    const noReason = await as(tangselAdmin)
      .post(`/api/certification/certificates/${certificate.id}/revocation`)
      .send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.fields.map((f: { field: string }) => f.field)).toContain('reason');

    const outside = await as(medanAdmin)
      .post(`/api/certification/certificates/${certificate.id}/revocation`)
      .send({ reason: 'Bukan wilayah saya' });
    expect(outside.status).toBe(404);
    expect((await as(await newLearner()).get(`/api/certification/certificates/${certificate.id}`)).status).toBe(404);

    const revoked = await as(tangselAdmin)
      .post(`/api/certification/certificates/${certificate.id}/revocation`)
      .send({ reason: 'Data kelulusan keliru' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revocationReason: 'Data kelulusan keliru' });

    const check = await t.http().get(`/api/verifikasi/${certificate.verificationCode}`);
    expect(check.body.status).toBe('revoked');
    expect(check.body.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Object.keys(check.body).sort()).toEqual(ALLOWED_PUBLIC_FIELDS);
    expect((await as(learner).get(`/api/certification/certificates/${certificate.id}`)).body.status).toBe('revoked');
    const audit = await t.dataSource.getRepository(CertificateEvent).findBy({ certificateId: certificate.id });
    expect(audit.map((e) => e.action).sort()).toEqual(['issued', 'revoked']);
    expect(audit.find((e) => e.action === 'revoked')).toMatchObject({ actorId: tangselAdmin.user.id });

    const again = await as(tangselAdmin)
      .post(`/api/certification/certificates/${certificate.id}/revocation`)
      .send({ reason: 'Sekali lagi' });
    expect(again.status).toBe(409);
  });

  it('re-issues with a new serial and code; the old one verifies as revoked', async () => {
    const { learner, certificate } = await givenCompletion('Kursus Terbit Ulang');
    const res = await as(tangselAdmin)
      .post(`/api/certification/certificates/${certificate.id}/reissue`)
      .send({ reason: 'Nama peserta dikoreksi' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'valid', generation: 2, holderName: learner.user.name });
    expect(res.body.serial).not.toBe(certificate.serial);
    expect((await t.http().get(`/api/verifikasi/${certificate.verificationCode}`)).body.status).toBe('revoked');
    expect((await t.http().get(`/api/verifikasi/${res.body.verificationCode}`)).body.status).toBe('valid');
    const mine = await as(learner).get('/api/certification/me/certificates');
    expect(mine.body.certificates.map((c: { generation: number }) => c.generation).sort()).toEqual([1, 2]);
  });

  it('refuses a draft save that raced a publish (409), leaving the published version as it was', async () => {
    const unit = await givenUnit(t, '36.74', 'training_unit');
    const design = (heading: string) => ({
      heading,
      blocks: ['Diberikan kepada {nama}'],
      show: { nip: false, competencies: true, jp: true, qr: true, serial: true },
      signatories: [{ name: 'Dra. Siti Rahma', nip: null, position: 'Kepala BKPSDM' }],
    });
    const url = `/api/certification/units/${unit.id}/template`;
    expect((await as(tangselAdmin).put(`${url}/draft`).send(design('PIAGAM A'))).status).toBe(200);
    const templates = t.get(TemplatesService);
    // The save read the draft just before the publish committed.
    const versions = t.dataSource.getRepository(CertificateTemplateVersion);
    const draft = await versions.findOneByOrFail({ status: 'draft', designJson: Like('%PIAGAM A%') });
    expect((await as(tangselAdmin).post(`${url}/publish`)).status).toBeLessThan(300);
    jest.spyOn(templates as unknown as { openDraft: () => Promise<unknown> }, 'openDraft').mockResolvedValueOnce(draft);
    const late = await as(tangselAdmin).put(`${url}/draft`).send(design('PIAGAM B'));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CERTIFICATION.DRAFT_CHANGED');
    expect((await versions.findOneByOrFail({ id: draft.id })).designJson).toContain('PIAGAM A');
    // Saved again, it goes to a new draft.
    const again = await as(tangselAdmin).put(`${url}/draft`).send(design('PIAGAM B'));
    expect(again.body.draft).toMatchObject({ number: 2, status: 'draft' });
  });

  it('publishes a draft once when two admins publish it at the same moment, and one version stays published', async () => {
    const unit = await givenUnit(t, '36.74', 'training_unit');
    const url = `/api/certification/units/${unit.id}/template`;
    const design = {
      heading: 'PIAGAM',
      blocks: ['Diberikan kepada {nama}'],
      show: { nip: false, competencies: true, jp: true, qr: true, serial: true },
      signatories: [{ name: 'Dra. Siti Rahma', nip: null, position: 'Kepala BKPSDM' }],
    };
    expect((await as(tangselAdmin).put(`${url}/draft`).send(design)).status).toBe(200);
    const both = await Promise.all([as(tangselAdmin).post(`${url}/publish`), as(tangselAdmin).post(`${url}/publish`)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const template = await as(tangselAdmin).get(url);
    expect(template.body.published).toMatchObject({ number: 1, status: 'published' });
  });

  it('issues with the unit template published at the time; earlier certificates keep theirs', async () => {
    const bad = await as(tangselAdmin)
      .put(`/api/certification/units/${tangselUnitId}/template/draft`)
      .send({
        heading: 'PIAGAM',
        blocks: ['Diberikan kepada {nama} {namaa}'],
        show: { nip: false, competencies: true, jp: true, qr: true, serial: true },
        signatories: [{ name: 'Dra. Siti Rahma', nip: null, position: 'Kepala BKPSDM' }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields[0]).toMatchObject({ field: 'blocks.0', rule: 'placeholder' });

    const before = await givenCompletion('Kursus Sebelum Templat');
    const saved = await as(tangselAdmin)
      .put(`/api/certification/units/${tangselUnitId}/template/draft`)
      .send({
        heading: 'PIAGAM PENGHARGAAN',
        blocks: ['Diberikan kepada {nama}', 'atas keberhasilan menyelesaikan {kursus} ({jp})'],
        show: { nip: false, competencies: true, jp: true, qr: true, serial: true },
        signatories: [{ name: 'Dra. Siti Rahmawati, M.Si.', nip: '197001012000032001', position: 'Kepala BKPSDM' }],
      });
    expect(saved.status).toBe(200);
    expect(saved.body.draft).toMatchObject({ number: 1, status: 'draft' });
    expect((await as(medanAdmin).get(`/api/certification/units/${tangselUnitId}/template`)).status).toBe(404);

    const preview = await as(tangselAdmin)
      .get(`/api/certification/units/${tangselUnitId}/template/preview`)
      .buffer(true);
    expect(preview.status).toBe(200);
    expect(await readPdfText(preview.body)).toContain('PIAGAM PENGHARGAAN');

    const published = await as(tangselAdmin).post(`/api/certification/units/${tangselUnitId}/template/publish`);
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ draft: null, published: { number: 1, status: 'published' } });

    const after = await givenCompletion('Kursus Sesudah Templat');
    const pdf = await as(after.learner).get(`/api/certification/certificates/${after.certificate.id}/pdf`).buffer(true);
    const text = await readPdfText(pdf.body);
    expect(text).toContain('PIAGAM PENGHARGAAN');
    expect(text).toContain('Dra. Siti Rahmawati, M.Si.');
    expect(text).not.toContain(formatNip(after.learner.user.nip!));
    const rows = t.dataSource.getRepository(Certificate);
    expect((await rows.findOneByOrFail({ id: after.certificate.id })).templateVersionId).toBe(
      published.body.published.id,
    );
    expect((await rows.findOneByOrFail({ id: before.certificate.id })).templateVersionId).toBeNull();
  });

  it('refuses a ZIP to its admin once they have moved to another region (404), and gives it back when they return', async () => {
    const { course } = await givenCompletion('Kursus Pindah Wilayah');
    const mover = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74' });
    const asked = await as(mover).post(`/api/certification/courses/${course.courseId}/certificate-exports`);
    await t.drain();
    const file = () =>
      as(mover).get(`/api/certification/certificate-exports/${asked.body.id}/file`).buffer(true).parse(binary);
    expect((await file()).status).toBe(200);
    await t.dataSource.query('UPDATE user_account SET scope_region_code = ? WHERE id = ?', ['12.71', mover.user.id]);
    expect((await file()).status).toBe(404);
    await t.dataSource.query('UPDATE user_account SET scope_region_code = ? WHERE id = ?', ['36', mover.user.id]);
    expect((await file()).status).toBe(200); // the province holds the city
  });

  it('builds a ZIP of a course’s certificates for the admin who asked, within their region', async () => {
    const first = await givenCompletion('Kursus Unduh Massal');
    const second = await newLearner();
    await as(second).post(`/api/learning/courses/${first.course.courseId}/enrolment`);
    for (const id of first.course.lessonIds) {
      await as(second).post(`/api/learning/courses/${first.course.courseId}/lessons/${id}/completion`);
    }
    await t.drain();

    const asked = await as(tangselAdmin).post(
      `/api/certification/courses/${first.course.courseId}/certificate-exports`,
    );
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'queued', total: 2, ready: false });
    expect((await as(medanAdmin).get(`/api/certification/certificate-exports/${asked.body.id}`)).status).toBe(404);
    await t.drain();
    const status = await as(tangselAdmin).get(`/api/certification/certificate-exports/${asked.body.id}`);
    expect(status.body).toMatchObject({ status: 'done', done: 2, percent: 100, ready: true });
    const zip = await as(tangselAdmin)
      .get(`/api/certification/certificate-exports/${asked.body.id}/file`)
      .buffer(true)
      .parse(binary);
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(countZipEntries(zip.body as Buffer)).toBe(2);

    const medan = await as(medanAdmin).post(`/api/certification/courses/${first.course.courseId}/certificate-exports`);
    await t.drain();
    const medanZip = await as(medanAdmin)
      .get(`/api/certification/certificate-exports/${medan.body.id}/file`)
      .buffer(true)
      .parse(binary);
    expect(countZipEntries(medanZip.body as Buffer)).toBe(0);

    // Named by the WIB day it was asked on: at 01:00 WIB on 1 January that is already the new year.
    const clock = jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date('2026-12-31T18:00:00Z'));
    const newYear = await as(tangselAdmin).post(
      `/api/certification/courses/${first.course.courseId}/certificate-exports`,
    );
    await t.drain();
    clock.mockRestore();
    const named = await as(tangselAdmin)
      .get(`/api/certification/certificate-exports/${newYear.body.id}/file`)
      .buffer(true)
      .parse(binary);
    expect(named.headers['content-disposition']).toContain('-2027-01-01.zip');
  });

  it('says a ZIP could not be prepared when a certificate file is missing, instead of "being prepared" for ever', async () => {
    const { course, certificate } = await givenCompletion('Kursus Berkas Hilang');
    const row = await t.dataSource.getRepository(Certificate).findOneByOrFail({ id: certificate.id });
    await t.app.get<FileStorage>(FILE_STORAGE).delete(row.pdfKey);
    const asked = await as(tangselAdmin).post(`/api/certification/courses/${course.courseId}/certificate-exports`);
    expect(asked.status).toBe(202);
    await t.drain();
    const status = await as(tangselAdmin).get(`/api/certification/certificate-exports/${asked.body.id}`);
    expect(status.body).toMatchObject({ status: 'failed', ready: false });
    expect(status.body.error).toEqual(expect.any(String));
  });

  it('lists certificates from elsewhere by linking the external activity evidence, not copying it', async () => {
    const learner = await newLearner();
    const pdf = Buffer.from('%PDF-1.4\n% sertifikat luar\n');
    const recorded = await as(learner)
      .post('/api/learning/external-activities')
      .field('formCode', 'seminar')
      .field('title', 'Seminar Nasional Pelayanan Publik')
      .field('organiser', 'LAN RI')
      .field('startDate', '2026-03-02')
      .field('endDate', '2026-03-02')
      .field('days', '1')
      .attach('file', pdf, 'sertifikat-seminar.pdf');
    expect(recorded.status).toBe(201);
    const mine = await as(learner).get('/api/certification/me/certificates');
    expect(mine.body.external).toEqual([
      expect.objectContaining({
        activityId: recorded.body.id,
        title: 'Seminar Nasional Pelayanan Publik',
        evidencePath: `/api/learning/external-activities/${recorded.body.id}/evidence`,
      }),
    ]);
    expect(await t.dataSource.getRepository(Certificate).countBy({ userId: learner.user.id })).toBe(0);
  });

  it('rate-limits public verification per address', async () => {
    let status = 200;
    for (let i = 0; i < 125 && status === 200; i++) {
      status = (await t.http().get(`/api/verifikasi/${'y'.repeat(24)}`)).status;
    }
    expect(status).toBe(429);
  });
});

/** Collects a response body as bytes, whatever its content type. */
function binary(res: Response, done: (err: Error | null, body: unknown) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Entries in a ZIP's central directory (signature PK\x01\x02). */
function countZipEntries(zip: Buffer): number {
  let count = 0;
  for (let i = zip.indexOf('PK\x01\x02'); i !== -1; i = zip.indexOf('PK\x01\x02', i + 4)) count++;
  return count;
}
