import { createPublicKey, KeyObject } from 'node:crypto';
import { decodeBase58btc, encodeBase58btc } from './base58';

/**
 * did:key for Ed25519 (W3C did:key method, Multikey): the public key itself is the
 * identifier, so a verifier needs no registry and no network to find it. Encoding: 'z'
 * (multibase base58btc) + base58btc(0xed 0x01 (multicodec ed25519-pub) + raw 32-byte key),
 * which always starts "z6Mk".
 */
const ED25519_PUB = Uint8Array.of(0xed, 0x01);
const RAW_LENGTH = 32;

export class DidKeyError extends Error {
  override readonly name = 'DidKeyError';
}

/** The 32 bytes of an Ed25519 public key; a private key gives its public half. */
export function rawEd25519PublicKey(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== 'ed25519') throw new DidKeyError('Not an Ed25519 key');
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
}

export function ed25519PublicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== RAW_LENGTH) throw new DidKeyError(`An Ed25519 public key has 32 bytes, not ${raw.length}`);
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });
}

/** "z6Mk…": the key as Multikey's publicKeyMultibase. */
export function publicKeyMultibase(key: KeyObject): string {
  return `z${encodeBase58btc(Buffer.concat([ED25519_PUB, rawEd25519PublicKey(key)]))}`;
}

/** "did:key:z6Mk…". */
export function didKeyOf(key: KeyObject): string {
  return `did:key:${publicKeyMultibase(key)}`;
}

/** "did:key:z6Mk…#z6Mk…": the key's verification method, as a proof names it. */
export function verificationMethodOf(key: KeyObject): string {
  return `${didKeyOf(key)}#${publicKeyMultibase(key)}`;
}

/**
 * The public key of a did:key, with or without its "#fragment" (which must then repeat the
 * identifier, as did:key resolution defines). Throws DidKeyError on anything else.
 */
export function publicKeyFromDidKey(value: string): KeyObject {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(?:#(z[1-9A-HJ-NP-Za-km-z]+))?$/.exec(value);
  if (!match) throw new DidKeyError('Not a did:key');
  if (match[2] !== undefined && match[2] !== match[1]) throw new DidKeyError('The fragment does not name the key');
  const bytes = decodeBase58btc(match[1].slice(1));
  if (bytes.length !== ED25519_PUB.length + RAW_LENGTH || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1]) {
    throw new DidKeyError('Not an Ed25519 did:key');
  }
  return ed25519PublicKeyFromRaw(bytes.subarray(ED25519_PUB.length));
}
