import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessScope, AuthUser, regionWithin } from '../../../../libs/auth';
import { Clock, DomainException, newId, Page, PageQuery, skipOf, toPage } from '../../../../libs/common';
import { TransactionRunner } from '../../../../libs/database';
import { LearningApi } from '../../learning/learning.api';
import { CertificationError } from '../certification.errors';
import { Certificate, CertificateEvent, CertificateStatus } from '../entities';
import { CertificateComposer } from '../issuance/certificate-composer';
import { CertificateIssuer } from '../issuance/certificate-issuer';
import { IssueFacts } from '../issuance/issue-draft';
import { certificatesInScope } from './certificate-scope';
import { certificateView, CertificateView } from './certificate.view';

/** Certificates for their holders and for the admins whose region holds the holder. */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly learning: LearningApi,
    private readonly composer: CertificateComposer,
    private readonly issuer: CertificateIssuer,
  ) {}

  async mine(userId: string): Promise<CertificateView[]> {
    const rows = await this.tx.run((m) =>
      m.find(Certificate, { where: { userId }, order: { issuedAt: 'DESC' }, take: 500 }),
    );
    return rows.map(certificateView);
  }

  async get(scope: AccessScope, id: string): Promise<CertificateView> {
    return certificateView(await this.visible(scope, id));
  }

  /** The stored row, or 404 when it does not exist or lies outside the caller's scope. */
  async visible(scope: AccessScope, id: string): Promise<Certificate> {
    const c = await this.tx.run((m) => m.findOneBy(Certificate, { id }));
    const allowed =
      c &&
      (scope.kind === 'national' ||
        (scope.kind === 'own' && c.userId === scope.userId) ||
        (scope.kind === 'region' && regionWithin(c.regionCode, scope.regionCode)));
    if (!allowed) throw new DomainException(CertificationError.CERTIFICATE_NOT_FOUND, 'No such certificate');
    return c;
  }

  async forCourse(
    scope: AccessScope,
    courseId: string,
    query: PageQuery & { status?: CertificateStatus },
  ): Promise<Page<CertificateView>> {
    return this.tx.run(async (m) => {
      const qb = m
        .createQueryBuilder(Certificate, 'c')
        .where('c.course_id = :courseId', { courseId })
        .orderBy('c.issued_at', 'DESC')
        .addOrderBy('c.id', 'ASC')
        .skip(skipOf(query))
        .take(query.pageSize);
      if (query.status) qb.andWhere('c.status = :status', { status: query.status });
      const [rows, total] = await certificatesInScope(qb, scope).getManyAndCount();
      return toPage(rows.map(certificateView), total, query);
    });
  }

  /** Revoked at once: the next verification shows it. The reason is kept with who and when. */
  async revoke(user: AuthUser, scope: AccessScope, id: string, reason: string): Promise<CertificateView> {
    await this.visible(scope, id);
    await this.tx.run((m) => this.revokeIn(m, user.id, id, reason));
    return this.get(scope, id);
  }

  /**
   * Issues a fresh certificate (current name, template and serial) and revokes the old one
   * in the same transaction, e.g. after a name was corrected.
   */
  async reissue(user: AuthUser, scope: AccessScope, id: string, reason: string): Promise<CertificateView> {
    const old = await this.visible(scope, id);
    if (old.replacedById) {
      throw new DomainException(CertificationError.ALREADY_REVOKED, 'This certificate was already re-issued');
    }
    const enrolment = await this.learning.completedEnrolment(old.enrolmentId);
    const facts: IssueFacts = {
      enrolmentId: old.enrolmentId,
      userId: old.userId,
      courseId: old.courseId,
      versionId: old.versionId,
      regionCode: enrolment?.regionCode ?? old.regionCode,
      completedAt: enrolment?.completedAt ?? new Date(`${old.completedOn}T12:00:00+07:00`),
    };
    const latest = await this.tx.run((m) =>
      m.findOne(Certificate, {
        where: { userId: old.userId, versionId: old.versionId },
        order: { generation: 'DESC' },
        select: { id: true, generation: true },
      }),
    );
    const draft = await this.composer.compose(facts, (latest?.generation ?? old.generation) + 1);
    const created = await this.issuer.keep(
      draft,
      { action: 'reissued', actorId: user.id, reason },
      async (m, fresh) => {
        if (old.status === 'valid') await this.revokeIn(m, user.id, old.id, reason);
        await m.update(Certificate, { id: old.id }, { replacedById: fresh.id });
      },
    );
    if (!created) throw new DomainException(CertificationError.ALREADY_REVOKED, 'This certificate was just re-issued');
    return this.get(scope, created.id);
  }

  private async revokeIn(m: EntityManager, actorId: string, id: string, reason: string): Promise<void> {
    const now = this.clock.now();
    const result = await m
      .createQueryBuilder()
      .update(Certificate)
      .set({ status: 'revoked', revokedAt: now, revokedBy: actorId, revocationReason: reason })
      .where('id = :id AND status = :valid', { id, valid: 'valid' })
      .execute();
    if (!result.affected) {
      throw new DomainException(CertificationError.ALREADY_REVOKED, 'This certificate is already revoked');
    }
    await m.insert(CertificateEvent, { id: newId(), certificateId: id, action: 'revoked', actorId, reason, at: now });
  }
}
