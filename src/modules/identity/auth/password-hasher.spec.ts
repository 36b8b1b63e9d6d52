import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('stores passwords as argon2id hashes with a salt', async () => {
    const a = await hasher.hash('Rahasia-Negara-2026');
    const b = await hasher.hash('Rahasia-Negara-2026');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('Rahasia');
  });

  it('verifies the right password only', async () => {
    const stored = await hasher.hash('Rahasia-Negara-2026');
    await expect(hasher.verify(stored, 'Rahasia-Negara-2026')).resolves.toBe(true);
    await expect(hasher.verify(stored, 'rahasia-negara-2026')).resolves.toBe(false);
    await expect(hasher.verify(null, 'anything')).resolves.toBe(false);
    await expect(hasher.verify('not-a-hash', 'anything')).resolves.toBe(false);
  });
});
