import { KeyObject, verify } from 'node:crypto';
import { canonicalize } from './jcs';
import {
  createProof,
  CRYPTOSUITE,
  DataIntegrityProof,
  dateTimeStamp,
  hashData,
  isDateTimeStamp,
  PROOF_TYPE,
  signatureOf,
} from './data-integrity';
import { ed25519PublicKeyFromRaw, publicKeyFromDidKey, rawEd25519PublicKey, verificationMethodOf } from './did-key';
import { UnsignedCredential } from './open-badge';

export type SignedCredential = UnsignedCredential & { proof: DataIntegrityProof };

/** The platform's signing key: an Ed25519 private key and the did:key that names its public half. */
export interface SigningKey {
  privateKey: KeyObject;
  /** "did:key:z6Mk…#z6Mk…". */
  verificationMethod: string;
}

/** A public key to trust: a KeyObject, a did:key (with or without fragment), or the raw 32 bytes. */
export type PublicKeyLike = KeyObject | string | Uint8Array;

export type VerificationFailure = 'malformed' | 'unsupported-cryptosuite' | 'unknown-key' | 'bad-signature';
export type VerificationResult = { valid: true } | { valid: false; reason: VerificationFailure };

export function signingKeyFrom(privateKey: KeyObject): SigningKey {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error('A signing key is an Ed25519 private key');
  }
  return { privateKey, verificationMethod: verificationMethodOf(privateKey) };
}

/** Adds an eddsa-jcs-2022 Data Integrity proof, made at `created`, for the assertion purpose. */
export function signCredential(credential: UnsignedCredential, key: SigningKey, created: Date): SignedCredential {
  if ('proof' in credential) throw new Error('The credential is signed already');
  const proof = createProof(
    credential as unknown as Record<string, unknown>,
    {
      type: PROOF_TYPE,
      cryptosuite: CRYPTOSUITE,
      created: dateTimeStamp(created),
      verificationMethod: key.verificationMethod,
      proofPurpose: 'assertionMethod',
    },
    key.privateKey,
  );
  return { ...credential, proof };
}

/**
 * Checks a credential someone hands us (vc-di-eddsa 3.3.2, Verify Proof), signed by one of
 * `trustedKeys`. Any JSON value may come in; it answers, never throws. (An invalid entry in
 * `trustedKeys` is our own mistake and does throw.)
 */
export function verifyCredential(json: unknown, trustedKeys: readonly PublicKeyLike[]): VerificationResult {
  const trusted = new Set(trustedKeys.map((key) => rawKeyOf(key).toString('hex')));
  try {
    return check(json, trusted);
  } catch {
    // JCS refusing a value (a lone surrogate, a huge nesting), a key that will not load…
    return failure('malformed');
  }
}

function check(json: unknown, trusted: Set<string>): VerificationResult {
  if (!isRecord(json) || !isRecord(json.proof)) return failure('malformed');
  const { proof, ...unsecured } = json;
  if (typeof proof.type !== 'string' || typeof proof.cryptosuite !== 'string') return failure('malformed');
  if (proof.type !== PROOF_TYPE || proof.cryptosuite !== CRYPTOSUITE) return failure('unsupported-cryptosuite');
  if (proof.proofPurpose !== 'assertionMethod') return failure('malformed');
  if (proof.created !== undefined && !isDateTimeStamp(proof.created)) return failure('malformed');
  const signature = signatureOf(proof.proofValue);
  if (!signature || typeof proof.verificationMethod !== 'string') return failure('malformed');

  // Only did:key methods resolve here, offline; anything else names a key we do not know.
  if (!proof.verificationMethod.startsWith('did:key:')) return failure('unknown-key');
  const publicKey = publicKeyFromDidKey(proof.verificationMethod);
  if (!trusted.has(rawEd25519PublicKey(publicKey).toString('hex'))) return failure('unknown-key');

  const { proofValue: _, ...proofOptions } = proof;
  if (proofOptions['@context'] !== undefined) {
    // 3.3.2 step 4: the document's contexts must begin with those the proof was made under.
    if (!startsWith(contexts(json['@context']), contexts(proofOptions['@context']))) return failure('bad-signature');
    unsecured['@context'] = proofOptions['@context'];
  }
  return verify(null, hashData(unsecured, proofOptions), publicKey, signature)
    ? { valid: true }
    : failure('bad-signature');
}

function rawKeyOf(key: PublicKeyLike): Buffer {
  if (typeof key === 'string') return rawEd25519PublicKey(publicKeyFromDidKey(key));
  if (key instanceof Uint8Array) return rawEd25519PublicKey(ed25519PublicKeyFromRaw(key));
  return rawEd25519PublicKey(key);
}

const failure = (reason: VerificationFailure): VerificationResult => ({ valid: false, reason });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const contexts = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function startsWith(all: unknown[], prefix: unknown[]): boolean {
  return prefix.length <= all.length && prefix.every((entry, i) => canonicalize(entry) === canonicalize(all[i]));
}
