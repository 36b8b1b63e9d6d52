import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { CompetenciesModule } from '../competencies/competencies.module';
import { IdentityModule } from '../identity/identity.module';
import { LearningModule } from '../learning/learning.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganisationModule } from '../organisation/organisation.module';
import { CertificationApi } from './certification.api';
import { CERTIFICATION_ENTITIES } from './entities';
import { CertificateExportsService } from './exports/certificate-exports.service';
import { ExportBuilder } from './exports/export-builder';
import { CertificateComposer } from './issuance/certificate-composer';
import { CertificateIssuer } from './issuance/certificate-issuer';
import { CompletionListener } from './issuance/completion-listener';
import { SerialNumbers } from './issuance/serial-numbers';
import { ExportRunJob } from './jobs/export-run.job';
import { IssueCertificateJob } from './jobs/issue-certificate.job';
import { CertificatesController } from './management/certificates.controller';
import { CertificatesService } from './management/certificates.service';
import { PlatformSigningKey } from './signing';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesService } from './templates/templates.service';
import { VerificationController } from './verification/verification.controller';
import { VerificationService } from './verification/verification.service';

@Module({
  imports: [
    TypeOrmModule.forFeature(CERTIFICATION_ENTITIES),
    CatalogModule,
    CompetenciesModule,
    IdentityModule,
    LearningModule,
    NotificationsModule,
    OrganisationModule,
  ],
  controllers: [CertificatesController, TemplatesController, VerificationController],
  providers: [
    PlatformSigningKey,
    SerialNumbers,
    TemplatesService,
    CertificateComposer,
    CertificateIssuer,
    CompletionListener,
    CertificatesService,
    VerificationService,
    CertificateExportsService,
    ExportBuilder,
    IssueCertificateJob,
    ExportRunJob,
    CertificationApi,
  ],
  exports: [CertificationApi, CertificatesService, TemplatesService, VerificationService, CertificateExportsService],
})
export class CertificationModule {}
