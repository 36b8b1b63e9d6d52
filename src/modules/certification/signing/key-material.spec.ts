import { generateKeyPairSync } from 'node:crypto';
import { didKeyOf, rawEd25519PublicKey } from '../credential/did-key';
import { privateKeyFromPem, publicKeyFromText } from './key-material';

describe('publicKeyFromText', () => {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = rawEd25519PublicKey(publicKey);

  it.each([
    ['a did:key', didKeyOf(publicKey)],
    ['a did:key with its fragment', `${didKeyOf(publicKey)}#${didKeyOf(publicKey).slice(8)}`],
    ['base64 SPKI DER', publicKey.export({ type: 'spki', format: 'der' }).toString('base64')],
  ])('reads %s', (_, text) => {
    expect(rawEd25519PublicKey(publicKeyFromText(text))).toEqual(raw);
  });

  it.each([
    [
      'an RSA key',
      generateKeyPairSync('rsa', { modulusLength: 1024 })
        .publicKey.export({ type: 'spki', format: 'der' })
        .toString('base64'),
    ],
    ['a secp256k1 did:key', 'did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme'],
    ['base64 of nothing useful', Buffer.from('hello').toString('base64')],
  ])('refuses %s', (_, text) => {
    expect(() => publicKeyFromText(text)).toThrow();
  });
});

describe('privateKeyFromPem', () => {
  it('reads an Ed25519 PKCS#8 PEM and refuses other keys', () => {
    const pem = (key: ReturnType<typeof generateKeyPairSync>['privateKey']) =>
      key.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(privateKeyFromPem(pem(generateKeyPairSync('ed25519').privateKey)).asymmetricKeyType).toBe('ed25519');
    expect(() => privateKeyFromPem(pem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey))).toThrow(
      'Not an Ed25519 private key',
    );
  });
});
