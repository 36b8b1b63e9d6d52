import { validationFailed } from '../../../../libs/common/errors/validation';
import { CertificateDesign, DEFAULT_DESIGN, PLACEHOLDERS } from '../document';

/** The part of a design kept as JSON; images are stored files referenced by the version. */
export type StoredDesign = Omit<CertificateDesign, 'background' | 'logo'>;

export function defaultStoredDesign(): StoredDesign {
  const { heading, blocks, show, signatories } = DEFAULT_DESIGN;
  return { heading, blocks: [...blocks], show: { ...show }, signatories: signatories.map((s) => ({ ...s })) };
}

/** A block may only use the placeholders the renderer knows; a typo would print as is. */
export function assertKnownPlaceholders(blocks: string[]): void {
  const known = new Set<string>(PLACEHOLDERS);
  const problems = blocks.flatMap((text, i) =>
    [...text.matchAll(/\{([^{}]*)\}/g)]
      .map((m) => m[1])
      .filter((name) => !known.has(name))
      .map((name) => ({
        field: `blocks.${i}`,
        rule: 'placeholder',
        message: `{${name}} is not a placeholder; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
      })),
  );
  if (problems.length > 0) throw validationFailed(problems);
}
