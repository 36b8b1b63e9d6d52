import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawEd25519PublicKey } from '../credential/did-key';
import { devKeyFile, loadOrCreateDevKey } from './dev-signing-key';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bina-signing-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('loadOrCreateDevKey', () => {
  it('makes a key on the first start, readable by its owner only, at <DATA_DIR>/keys/certificate-signing.pem', () => {
    const dataDir = tempDir();
    const first = loadOrCreateDevKey(dataDir);
    expect(first).toMatchObject({ file: join(dataDir, 'keys', 'certificate-signing.pem'), created: true });
    expect(statSync(devKeyFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'keys')).mode & 0o077).toBe(0);
  });

  it('reuses that key on later starts', () => {
    const dataDir = tempDir();
    const first = loadOrCreateDevKey(dataDir);
    const later = loadOrCreateDevKey(dataDir);
    expect(later).toMatchObject({ file: first.file, created: false });
    expect(rawEd25519PublicKey(later.privateKey)).toEqual(rawEd25519PublicKey(first.privateKey));
  });

  it('creates DATA_DIR when it does not exist yet', () => {
    const dataDir = join(tempDir(), 'not', 'yet');
    expect(loadOrCreateDevKey(dataDir)).toMatchObject({ file: devKeyFile(dataDir), created: true });
  });

  it('keeps the key in memory when DATA_DIR cannot hold a file', () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'not a folder');
    const key = loadOrCreateDevKey(join(blocker, 'data'));
    expect(key).toMatchObject({ file: null, created: true });
    expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
  });

  it('refuses to replace a key file that holds no key, and names the file', () => {
    const dataDir = tempDir();
    loadOrCreateDevKey(dataDir);
    writeFileSync(devKeyFile(dataDir), 'damaged');
    expect(() => loadOrCreateDevKey(dataDir)).toThrow(devKeyFile(dataDir));
  });
});
