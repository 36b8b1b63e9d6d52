export { CertificateContent, CertificateDesign, DEFAULT_DESIGN, ShownFields, Signatory } from './certificate-content';
export { renderCertificatePdf } from './certificate-pdf';
export { formatDecimal, formatIndonesianDate, formatJp, formatNip } from './indonesian-format';
export { fillPlaceholders, Placeholder, PLACEHOLDERS } from './placeholders';
