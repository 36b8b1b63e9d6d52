import { createHash, KeyObject, sign } from 'node:crypto';
import { decodeBase58btc, encodeBase58btc } from './base58';
import { canonicalize } from './jcs';

/**
 * Data Integrity proofs with the eddsa-jcs-2022 cryptosuite (W3C vc-di-eddsa, section 3.3):
 * Ed25519 over SHA-256 hashes of the JCS-canonical proof configuration and document. JCS,
 * unlike RDF canonicalization, needs no JSON-LD processing and no context fetched over the
 * network, and the same bytes come out in every language.
 */
export const PROOF_TYPE = 'DataIntegrityProof';
export const CRYPTOSUITE = 'eddsa-jcs-2022';

export interface DataIntegrityProof {
  type: typeof PROOF_TYPE;
  cryptosuite: typeof CRYPTOSUITE;
  /** XML Schema dateTimeStamp, e.g. "2026-11-25T08:00:00Z". */
  created: string;
  verificationMethod: string;
  proofPurpose: 'assertionMethod';
  /** Copied from the document, so that the proof commits to the contexts it was made under. */
  '@context'?: unknown;
  /** Multibase base58btc ('z…') of the 64-byte Ed25519 signature. */
  proofValue: string;
}

export type ProofOptions = Omit<DataIntegrityProof, 'proofValue' | '@context'>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** 3.3.1 Create Proof: `document` must not hold a proof yet. */
export function createProof(
  document: Record<string, unknown>,
  options: ProofOptions,
  privateKey: KeyObject,
): DataIntegrityProof {
  const proofConfig: Omit<DataIntegrityProof, 'proofValue'> =
    document['@context'] === undefined ? { ...options } : { ...options, '@context': document['@context'] };
  const signature = sign(null, hashData(document, proofConfig), privateKey);
  return { ...proofConfig, proofValue: `z${encodeBase58btc(signature)}` };
}

/**
 * 3.3.4 Hashing: SHA-256(JCS(proof configuration)) ‖ SHA-256(JCS(document without proof)),
 * 64 bytes, which Ed25519 signs as they are (3.3.6).
 */
export function hashData(unsecuredDocument: object, proofConfig: object): Buffer {
  return Buffer.concat([sha256(canonicalize(proofConfig)), sha256(canonicalize(unsecuredDocument))]);
}

/** The signature in a proofValue, or null when it is not 'z' + base58btc of 64 bytes. */
export function signatureOf(proofValue: unknown): Buffer | null {
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z') || proofValue.length > 100) return null;
  try {
    const bytes = decodeBase58btc(proofValue.slice(1));
    return bytes.length === 64 ? Buffer.from(bytes) : null;
  } catch {
    return null;
  }
}

/** "2026-11-25T08:00:00Z" from a Date: a dateTimeStamp in UTC, to the second. */
export function dateTimeStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** An XML Schema dateTimeStamp: a date, a time and a zone, and a real moment. */
export function isDateTimeStamp(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}
