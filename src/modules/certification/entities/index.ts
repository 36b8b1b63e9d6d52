import { Certificate } from './certificate.entity';
import { CertificateEvent } from './certificate-event.entity';
import { CertificateExport } from './certificate-export.entity';
import { CertificateSerial } from './certificate-serial.entity';
import { CertificateTemplate, CertificateTemplateVersion } from './certificate-template.entity';

export * from './certificate.entity';
export * from './certificate-event.entity';
export * from './certificate-export.entity';
export * from './certificate-serial.entity';
export * from './certificate-template.entity';

export const CERTIFICATION_ENTITIES = [
  Certificate,
  CertificateEvent,
  CertificateSerial,
  CertificateTemplate,
  CertificateTemplateVersion,
  CertificateExport,
];
