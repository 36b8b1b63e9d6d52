import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { Clock, newId } from '../../../../libs/common';
import { CatalogApi } from '../../catalog/catalog.api';
import { CompetenciesApi } from '../../competencies/competencies.api';
import { IdentityApi } from '../../identity/identity.api';
import { OrganisationApi } from '../../organisation/organisation.api';
import { buildCredential, signCredential } from '../credential';
import { CertificateContent, DEFAULT_DESIGN, formatJp, renderCertificatePdf } from '../document';
import { PlatformSigningKey } from '../signing';
import { TemplatesService } from '../templates/templates.service';
import { formatSerial, newVerificationCode, serialIssuer, wibDay } from './certificate-numbers';
import { IssueDraft, IssueFacts } from './issue-draft';
import { SerialNumbers } from './serial-numbers';

/** When a course has no owning unit, the platform itself issues (national courses). */
const NATIONAL_ISSUER = 'Bina — Platform Pengembangan Kompetensi ASN';

/**
 * Gathers what a certificate says from the modules that own it (catalog, identity,
 * organisation, competencies), then signs the credential and renders the PDF. Nothing is
 * written here but the serial counter: the issuer decides whether the draft is kept.
 */
@Injectable()
export class CertificateComposer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly catalog: CatalogApi,
    private readonly competencies: CompetenciesApi,
    private readonly identity: IdentityApi,
    private readonly organisation: OrganisationApi,
    private readonly templates: TemplatesService,
    private readonly serials: SerialNumbers,
    private readonly signingKey: PlatformSigningKey,
  ) {}

  async compose(facts: IssueFacts, generation: number): Promise<IssueDraft> {
    const [course, ownerUnitId, holders] = await Promise.all([
      this.catalog.completionFacts(facts.versionId),
      this.catalog.ownerUnitId(facts.courseId),
      this.identity.namesOf([facts.userId]),
    ]);
    if (!course) throw new Error(`Course version ${facts.versionId} is gone`);
    const found = holders.get(facts.userId);
    // Stored as 18 digits; the directory may hand it out grouped for display.
    const holder = { name: found?.name ?? '', nip: found?.nip ? found.nip.replace(/\D/g, '') : null };
    const [unit] = ownerUnitId ? await this.organisation.unitsByIds([ownerUnitId]) : [];
    const place = unit ? await this.placeOf(unit.regionCode) : null;
    const names = new Map(
      (await this.competencies.summaries(course.competencies.map((c) => c.code))).map((c) => [c.code, c.name]),
    );
    const template = await this.templates.publishedFor(unit?.id ?? null);

    const issuedAt = this.clock.now();
    const issuedOn = wibDay(issuedAt);
    const year = Number(issuedOn.slice(0, 4));
    const issuer = serialIssuer(unit?.code ?? null);
    const serial = formatSerial(issuer, year, await this.serials.next(issuer, year));
    const code = newVerificationCode();
    const verificationUrl = `${this.config.publicUrl}/verifikasi/${code}`;
    const content: CertificateContent = {
      serial,
      verificationUrl,
      holder: { name: holder.name, nip: holder.nip },
      course: { title: course.title, jp: course.jpTenths / 10 },
      competencies: course.competencies.map((c) => ({
        code: c.code,
        name: names.get(c.code) ?? c.code,
        level: c.level,
      })),
      completedOn: wibDay(facts.completedAt),
      issuer: { name: unit?.name ?? NATIONAL_ISSUER, place },
      issuedOn,
    };
    const credential = signCredential(
      buildCredential(
        {
          credentialUrl: verificationUrl,
          issuer: { id: `${this.config.publicUrl}/penerbit/${unit?.id ?? 'nasional'}`, name: content.issuer.name },
          holderName: holder.name,
          holderIdentifier: holder.nip,
          achievement: {
            id: `${this.config.publicUrl}/kursus/${facts.courseId}`,
            name: course.title,
            description: `Menyelesaikan pelatihan ${course.title} (${formatJp(content.course.jp)})`,
            jp: content.course.jp,
            competencies: content.competencies,
          },
          validFrom: issuedAt.toISOString(),
          completedOn: content.completedOn,
        },
        randomBytes(16).toString('hex'),
      ),
      this.signingKey.current,
      issuedAt,
    );
    const pdf = await renderCertificatePdf(content, template?.design ?? DEFAULT_DESIGN);
    return {
      id: newId(),
      code,
      serial,
      userId: facts.userId,
      enrolmentId: facts.enrolmentId,
      courseId: facts.courseId,
      versionId: facts.versionId,
      generation,
      regionCode: facts.regionCode,
      issuerUnitId: unit?.id ?? null,
      templateVersionId: template?.versionId ?? null,
      jpTenths: course.jpTenths,
      issuedAt,
      content,
      credentialJson: JSON.stringify(credential),
      pdf,
    };
  }

  /** "Tangerang Selatan" for "Kota Tangerang Selatan": the place line of a certificate. */
  private async placeOf(regionCode: string): Promise<string | null> {
    const region = await this.organisation.getRegion(regionCode).catch(() => null);
    return region ? region.name.replace(/^(Kota|Kabupaten|Provinsi)\s+/i, '') : null;
  }
}
