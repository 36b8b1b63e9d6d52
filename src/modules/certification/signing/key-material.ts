import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { publicKeyFromDidKey } from '../credential/did-key';

/**
 * Turning configured text into keys. libs/config has already checked the shapes and names the
 * variable when one is wrong; this decodes them, and says which variable again if a value
 * passed the shape check but still is not a usable key.
 */
export class KeyMaterialError extends Error {
  override readonly name = 'KeyMaterialError';
}

export function privateKeyFromPem(pem: string): KeyObject {
  const key = createPrivateKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyMaterialError('Not an Ed25519 private key');
  return key;
}

/** A public key given as a did:key or as the base64 SPKI DER of an Ed25519 key. */
export function publicKeyFromText(text: string): KeyObject {
  const key = text.startsWith('did:')
    ? publicKeyFromDidKey(text)
    : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new KeyMaterialError('Not an Ed25519 public key');
  return key;
}
