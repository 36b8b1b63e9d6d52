import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { decodeBase58btc } from './base58';
import {
  didKeyOf,
  ed25519PublicKeyFromRaw,
  publicKeyFromDidKey,
  publicKeyMultibase,
  rawEd25519PublicKey,
  verificationMethodOf,
} from './did-key';

// The key pair of the vc-di-eddsa test vectors (TestVectors/keyPair.json): Multikey encodings
// of the public key (0xed01 + 32 bytes) and of the secret seed (0x8026 + 32 bytes).
const SPEC_PUBLIC = 'z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const SPEC_SECRET = 'z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq';

/** An Ed25519 private key from its 32-byte seed, wrapped as PKCS#8 (RFC 8410). */
function privateKeyFromSeed(seed: Uint8Array) {
  const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([pkcs8Prefix, seed]), format: 'der', type: 'pkcs8' });
}

const specKeyPair = () => {
  const secret = decodeBase58btc(SPEC_SECRET.slice(1));
  return { privateKey: privateKeyFromSeed(secret.subarray(2)), publicMultibase: SPEC_PUBLIC };
};

describe('did:key for Ed25519', () => {
  it('derives the public key of the specification’s key pair from its secret', () => {
    const { privateKey } = specKeyPair();
    expect(publicKeyMultibase(privateKey)).toBe(SPEC_PUBLIC);
    expect(didKeyOf(privateKey)).toBe(`did:key:${SPEC_PUBLIC}`);
    expect(verificationMethodOf(privateKey)).toBe(`did:key:${SPEC_PUBLIC}#${SPEC_PUBLIC}`);
  });

  it('reads back the key it wrote, with or without the fragment', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = rawEd25519PublicKey(publicKey);
    expect(raw).toHaveLength(32);
    expect(didKeyOf(publicKey)).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/);
    expect(rawEd25519PublicKey(publicKeyFromDidKey(didKeyOf(publicKey)))).toEqual(raw);
    expect(rawEd25519PublicKey(publicKeyFromDidKey(verificationMethodOf(publicKey)))).toEqual(raw);
    expect(rawEd25519PublicKey(ed25519PublicKeyFromRaw(raw))).toEqual(raw);
  });

  it.each<[string, string]>([
    ['an empty string', ''],
    ['another DID method', `did:web:bina.example.go.id`],
    ['a bare multibase key', SPEC_PUBLIC],
    ['a fragment naming another key', `did:key:${SPEC_PUBLIC}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK`],
    ['a key that is not base58btc', 'did:key:z6Mk0OIl'],
    ['a secp256k1 key', 'did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme'],
    ['a truncated key', `did:key:${SPEC_PUBLIC.slice(0, -3)}`],
    ['trailing garbage', `did:key:${SPEC_PUBLIC}?x=1`],
  ])('refuses %s', (_, value) => {
    expect(() => publicKeyFromDidKey(value)).toThrow();
  });

  it('refuses keys that are not Ed25519', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => didKeyOf(publicKey)).toThrow('Not an Ed25519 key');
    expect(() => ed25519PublicKeyFromRaw(new Uint8Array(31))).toThrow('32 bytes');
  });
});
