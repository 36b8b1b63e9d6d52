import { createHash, createPrivateKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { decodeBase58btc } from './base58';
import { signCredential, signingKeyFrom, SignedCredential, verifyCredential } from './credential';
import { createProof, hashData } from './data-integrity';
import { didKeyOf, rawEd25519PublicKey } from './did-key';
import { buildCredential, CredentialInput } from './open-badge';

const NIP = '198609262015051001';
const SALT = '4f1c2a9e8b7d6c5f4e3d2c1b0a998877';

const input: CredentialInput = {
  credentialUrl: 'https://bina.example.go.id/verifikasi/7KQ2M9XW4RTP8V3N',
  issuer: { id: 'https://bina.example.go.id/penerbit/unit-3674', name: 'BKPSDM Kota Tangerang Selatan' },
  holderName: 'Siti Nurhaliza',
  holderIdentifier: NIP,
  achievement: {
    id: 'https://bina.example.go.id/kursus/c-123',
    name: 'Pelayanan Publik Prima',
    description: 'Menyelesaikan pelatihan Pelayanan Publik Prima (2,5 JP)',
    jp: 2.5,
    competencies: [
      { code: 'M.05', name: 'Pelayanan Publik', level: 3 },
      { code: 'M.03', name: 'Komunikasi', level: 2 },
    ],
  },
  validFrom: '2026-11-26T03:15:00.000Z',
  completedOn: '2026-11-25',
};

const newKey = () => generateKeyPairSync('ed25519').privateKey;
const platformKey = newKey();
const signed = signCredential(
  buildCredential(input, SALT),
  signingKeyFrom(platformKey),
  new Date('2026-11-26T03:15:00.123Z'),
);

/** Every path to a string, number, boolean or null in a JSON value. */
function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function changed(credential: SignedCredential, path: Array<string | number>, change: (old: unknown) => unknown) {
  const copy = structuredClone(credential) as unknown as Record<string | number, unknown>;
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((at, key) => at[key] as never, copy);
  const key = path[path.length - 1];
  parent[key] = change(parent[key]);
  return copy;
}

const mutate = (old: unknown) =>
  typeof old === 'string' ? `${old}x` : typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : 'x';

describe('buildCredential', () => {
  const credential = buildCredential(input, SALT);

  it('is an Open Badges 3.0 credential in the VC 2.0 data model', () => {
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.id).toBe(input.credentialUrl);
    expect(credential.issuer).toEqual({ id: input.issuer.id, type: ['Profile'], name: input.issuer.name });
    expect(credential.validFrom).toBe(input.validFrom);
    expect(credential.credentialSubject).toMatchObject({
      type: ['AchievementSubject'],
      creditsEarned: 2.5,
      activityEndDate: '2026-11-25T00:00:00+07:00',
      achievement: {
        id: input.achievement.id,
        type: ['Achievement'],
        name: 'Pelayanan Publik Prima',
        creditsAvailable: 2.5,
        criteria: { narrative: expect.stringContaining('2,5 JP') },
      },
    });
    expect(credential.credentialSubject.achievement.alignment).toEqual([
      expect.objectContaining({ targetCode: 'M.05', targetName: 'Pelayanan Publik', targetDescription: 'Level 3' }),
      expect.objectContaining({ targetCode: 'M.03', targetName: 'Komunikasi', targetDescription: 'Level 2' }),
    ]);
  });

  it('carries the NIP only as a salted SHA-256, never in clear', () => {
    const json = JSON.stringify(credential);
    expect(json).not.toContain(NIP);
    expect(json).not.toContain('19860926 201505 1 001');
    const expected = createHash('sha256')
      .update(NIP + SALT)
      .digest('hex');
    expect(credential.credentialSubject.identifier).toEqual([
      { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Siti Nurhaliza' },
      { type: 'IdentityObject', identityType: 'ext:NIP', hashed: true, identityHash: `sha256$${expected}`, salt: SALT },
    ]);
  });

  it('hashes a NIP written with spaces like the same NIP without', () => {
    const spaced = buildCredential({ ...input, holderIdentifier: '19860926 201505 1 001' }, SALT);
    expect(spaced.credentialSubject.identifier).toEqual(credential.credentialSubject.identifier);
  });

  it('names only the holder when there is no NIP', () => {
    const noNip = buildCredential({ ...input, holderIdentifier: null }, SALT);
    expect(noNip.credentialSubject.identifier.map((i) => i.identityType)).toEqual(['name']);
  });

  it('refuses to hash a NIP without a salt', () => {
    expect(() => buildCredential(input, '')).toThrow('salt');
  });
});

describe('signCredential and verifyCredential', () => {
  it('adds an eddsa-jcs-2022 proof from the platform did:key', () => {
    expect(signed.proof).toEqual({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      created: '2026-11-26T03:15:00Z',
      verificationMethod: `${didKeyOf(platformKey)}#${didKeyOf(platformKey).slice('did:key:'.length)}`,
      proofPurpose: 'assertionMethod',
      '@context': signed['@context'],
      proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{86,88}$/),
    });
  });

  it.each<[string, (key: KeyObject) => KeyObject | string | Uint8Array]>([
    ['as a KeyObject', (key) => key],
    ['as a did:key', (key) => didKeyOf(key)],
    ['as raw bytes', (key) => rawEd25519PublicKey(key)],
  ])('verifies the round trip, the key given %s', (_, asTrusted) => {
    expect(verifyCredential(signed, [asTrusted(platformKey)])).toEqual({ valid: true });
  });

  it('verifies after a trip through JSON text with other spacing and key order', () => {
    const { proof, ...rest } = signed;
    const reordered = JSON.parse(JSON.stringify({ proof, ...rest }, null, 2));
    expect(verifyCredential(reordered, [platformKey])).toEqual({ valid: true });
  });

  it('verifies a credential signed before a key rotation while the old key is still trusted', () => {
    const next = newKey();
    expect(verifyCredential(signed, [next, platformKey])).toEqual({ valid: true });
    expect(verifyCredential(signed, [next])).toEqual({ valid: false, reason: 'unknown-key' });
  });

  const paths = leaves(signed);
  it('has leaves everywhere to tamper with', () => {
    expect(paths.length).toBeGreaterThan(40);
  });

  // The document's own fields are covered by the signature; the proof's are checked before it.
  it.each(paths.map((path) => [path.join('.'), path] as const))('fails when %s changes', (_, path) => {
    const result = verifyCredential(changed(signed, path, mutate), [platformKey]);
    if (path[0] === 'proof') expect(result.valid).toBe(false);
    else expect(result).toEqual({ valid: false, reason: 'bad-signature' });
  });

  it.each(paths.filter((p) => p.length > 1 || p[0] !== 'proof').map((path) => [path.join('.'), path] as const))(
    'fails when %s is removed',
    (_, path) => {
      const copy = changed(signed, path, () => undefined);
      expect(verifyCredential(JSON.parse(JSON.stringify(copy)), [platformKey]).valid).toBe(false);
    },
  );

  it('fails when a field is added, in the document or in the proof', () => {
    const added = { ...structuredClone(signed), awardedDate: '2026-11-26T00:00:00Z' };
    expect(verifyCredential(added, [platformKey])).toEqual({ valid: false, reason: 'bad-signature' });
    const inProof = structuredClone(signed);
    (inProof.proof as unknown as Record<string, unknown>).expires = '2030-01-01T00:00:00Z';
    expect(verifyCredential(inProof, [platformKey])).toEqual({ valid: false, reason: 'bad-signature' });
  });

  it('fails with unknown-key for a copy signed by another key', () => {
    const forged = signCredential(buildCredential(input, SALT), signingKeyFrom(newKey()), new Date());
    expect(verifyCredential(forged, [platformKey])).toEqual({ valid: false, reason: 'unknown-key' });
  });

  it('fails with bad-signature for another key’s signature under the platform’s name', () => {
    const forged = signCredential(
      buildCredential(input, SALT),
      { privateKey: newKey(), verificationMethod: signed.proof.verificationMethod },
      new Date(),
    );
    expect(verifyCredential(forged, [platformKey])).toEqual({ valid: false, reason: 'bad-signature' });
  });

  it('fails with unknown-key for a verification method that is not a did:key', () => {
    const elsewhere = changed(signed, ['proof', 'verificationMethod'], () => 'https://bina.example.go.id/kunci#1');
    expect(verifyCredential(elsewhere, [platformKey])).toEqual({ valid: false, reason: 'unknown-key' });
  });

  it.each([
    ['another cryptosuite', ['proof', 'cryptosuite'], 'ecdsa-jcs-2019'],
    ['another proof type', ['proof', 'type'], 'Ed25519Signature2020'],
  ])('fails with unsupported-cryptosuite for %s', (_, path, value) => {
    const other = changed(signed, path as string[], () => value);
    expect(verifyCredential(other, [platformKey])).toEqual({ valid: false, reason: 'unsupported-cryptosuite' });
  });

  it('ignores contexts appended after signing, as vc-di-eddsa 3.3.2 says, but not contexts removed', () => {
    const appended = { ...structuredClone(signed), '@context': [...signed['@context'], 'https://example.org/extra'] };
    expect(verifyCredential(appended, [platformKey])).toEqual({ valid: true });
    const removed = { ...structuredClone(signed), '@context': signed['@context'].slice(0, 1) };
    expect(verifyCredential(removed, [platformKey])).toEqual({ valid: false, reason: 'bad-signature' });
  });

  const deep: unknown[] = [];
  let cursor = deep;
  for (let i = 0; i < 100_000; i++) cursor = cursor[0] = [] as unknown[];

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', JSON.stringify(signed)],
    ['an array', [signed]],
    ['an empty object', {}],
    ['no proof', { ...signed, proof: undefined }],
    ['a proof that is a string', { ...signed, proof: 'z123' }],
    ['a proof set (an array)', { ...signed, proof: [signed.proof] }],
    ['an empty proof', { ...signed, proof: {} }],
    ['a proof value that is not multibase', { ...signed, proof: { ...signed.proof, proofValue: 'not-base58!' } }],
    [
      'a proof value of the wrong length',
      { ...signed, proof: { ...signed.proof, proofValue: 'z3vQB7B6MrGQZaxCuFg4oh' } },
    ],
    ['a proof value that is a number', { ...signed, proof: { ...signed.proof, proofValue: 7 } }],
    ['a creation time that is not a time', { ...signed, proof: { ...signed.proof, created: 'kemarin' } }],
    ['another proof purpose', { ...signed, proof: { ...signed.proof, proofPurpose: 'authentication' } }],
    ['a broken did:key', { ...signed, proof: { ...signed.proof, verificationMethod: 'did:key:z6Mk0000' } }],
    ['a lone surrogate in a field', { ...signed, name: '\ud800' }],
    ['a BigInt in a field', { ...signed, name: BigInt(1) }],
    ['a nesting too deep to canonicalize', { ...signed, name: deep }],
  ])('answers malformed, without throwing, for %s', (_, garbage) => {
    expect(verifyCredential(garbage, [platformKey])).toEqual({ valid: false, reason: 'malformed' });
  });
});

describe('eddsa-jcs-2022 against the W3C test vectors (vc-di-eddsa TestVectors/eddsa-jcs-2022)', () => {
  // The specification's key pair (TestVectors/keyPair.json): Multikey secret = 0x8026 + seed.
  const seed = decodeBase58btc('3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq').subarray(2);
  const specKey = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const alumni = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
    type: ['VerifiableCredential', 'AlumniCredential'],
    name: 'Alumni Credential',
    description: 'A minimum viable example of an Alumni Credential.',
    issuer: 'https://vc.example/issuers/5678',
    validFrom: '2023-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
  };
  const options = (verificationMethod: string) => ({
    type: 'DataIntegrityProof' as const,
    cryptosuite: 'eddsa-jcs-2022' as const,
    created: '2023-02-24T23:36:38Z',
    verificationMethod,
    proofPurpose: 'assertionMethod' as const,
  });
  const didKey =
    'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';

  it('hashes the proof configuration and the document to combinedHashJCS.txt', () => {
    const proofConfig = { ...options(didKey), '@context': alumni['@context'] };
    expect(hashData(alumni, proofConfig).toString('hex')).toBe(
      '66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db' +
        '59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19',
    );
  });

  it('signs to the proofValue of signedJCS.json', () => {
    const proof = createProof(
      alumni,
      options('https://vc.example/issuers/5678#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2'),
      specKey,
    );
    expect(proof.proofValue).toBe(
      'z63t83Y53KfzJ5ZosfKTnqfMcKB2dmTrfjSaQjeNNjAD5srBowQfmWqeRb8rRjmeEuCBEsddF9LsVogtuTsijJKh4',
    );
    expect(proof['@context']).toEqual(alumni['@context']);
  });

  it('verifies the specification’s credential signed with its did:key', () => {
    const proof = createProof(alumni, options(didKey), specKey);
    expect(verifyCredential({ ...alumni, proof }, [didKey])).toEqual({ valid: true });
  });
});
