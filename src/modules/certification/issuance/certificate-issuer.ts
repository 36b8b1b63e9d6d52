import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, newId } from '../../../../libs/common';
import { isDuplicateKey, TransactionRunner } from '../../../../libs/database';
import { FILE_STORAGE, FileStorage } from '../../../../libs/storage';
import { LearningApi } from '../../learning/learning.api';
import { NotificationsApi } from '../../notifications/notifications.api';
import { Certificate, CertificateAction, CertificateEvent } from '../entities';
import { CertificateComposer } from './certificate-composer';
import { IssueDraft, IssueFacts } from './issue-draft';

export type IssueOutcome = 'issued' | 'exists' | 'not-completed';

/**
 * Issues exactly one certificate per learner and course version. The cheap existence check
 * answers the common duplicate; the unique key answers the concurrent one (two events at
 * once both compose, one insert wins, the loser deletes its PDF and issues nothing).
 */
@Injectable()
export class CertificateIssuer {
  private readonly logger = new Logger(CertificateIssuer.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly learning: LearningApi,
    private readonly composer: CertificateComposer,
    private readonly notifications: NotificationsApi,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async issueForEnrolment(enrolmentId: string): Promise<IssueOutcome> {
    const enrolment = await this.learning.completedEnrolment(enrolmentId);
    if (!enrolment) return 'not-completed';
    const facts: IssueFacts = { ...enrolment, enrolmentId: enrolment.id };
    const existing = await this.tx.run((m) =>
      m.existsBy(Certificate, { userId: facts.userId, versionId: facts.versionId, generation: 1 }),
    );
    if (existing) return 'exists';
    const draft = await this.composer.compose(facts, 1);
    const kept = await this.keep(draft, { action: 'issued', actorId: null, reason: null });
    return kept ? 'issued' : 'exists';
  }

  /**
   * Writes a composed certificate (and its audit line) in one transaction; `before` runs
   * first in the same transaction (a re-issue revokes the old one there). False when the
   * unique key says it exists already.
   */
  async keep(
    draft: IssueDraft,
    audit: { action: CertificateAction; actorId: string | null; reason: string | null },
    before?: (m: EntityManager, certificate: Certificate) => Promise<void>,
  ): Promise<Certificate | null> {
    const pdfKey = await this.storage.put('certificates', draft.pdf, 'pdf');
    const certificate = toRow(draft, pdfKey);
    try {
      await this.tx.run(async (m) => {
        await m.createQueryBuilder().insert().into(Certificate).values(certificate).updateEntity(false).execute();
        if (before) await before(m, certificate);
        await m.insert(CertificateEvent, {
          id: newId(),
          certificateId: certificate.id,
          action: audit.action,
          actorId: audit.actorId,
          reason: audit.reason,
          at: this.clock.now(),
        });
        // The holder hears of it in the same transaction: never of a certificate rolled back.
        await this.notifications.notify(m, {
          category: 'certificate-issued',
          eventKey: `certificate-issued:${certificate.id}`,
          recipientIds: [certificate.userId],
          params: { course: certificate.courseTitle, serial: certificate.serial },
          link: `/sertifikat/${certificate.id}`,
        });
      });
      return certificate;
    } catch (err) {
      await this.storage.delete(pdfKey).catch(() => undefined);
      if (isIssueClash(err)) {
        this.logger.log({ userId: draft.userId, versionId: draft.versionId }, 'Certificate exists already');
        return null;
      }
      // A serial or code clash is not "issued already": the job fails and its retry draws new ones.
      throw err;
    }
  }
}

function toRow(draft: IssueDraft, pdfKey: string): Certificate {
  const { content } = draft;
  return {
    id: draft.id,
    code: draft.code,
    serial: draft.serial,
    userId: draft.userId,
    enrolmentId: draft.enrolmentId,
    courseId: draft.courseId,
    versionId: draft.versionId,
    generation: draft.generation,
    regionCode: draft.regionCode,
    issuerUnitId: draft.issuerUnitId,
    issuerName: content.issuer.name,
    templateVersionId: draft.templateVersionId,
    holderName: content.holder.name,
    holderNip: content.holder.nip,
    courseTitle: content.course.title,
    jpTenths: draft.jpTenths,
    competenciesJson: JSON.stringify(content.competencies),
    completedOn: content.completedOn,
    issuedAt: draft.issuedAt,
    status: 'valid',
    revokedAt: null,
    revokedBy: null,
    revocationReason: null,
    replacedById: null,
    pdfKey,
    credentialJson: draft.credentialJson,
  };
}

/** The person already holds this certificate (the unique issue key), as opposed to a serial or code clash. */
function isIssueClash(err: unknown): boolean {
  const message = (err as { message?: string })?.message ?? '';
  return isDuplicateKey(err) && /UQ_certificate_issue|certificate\.user_id/.test(message);
}
