import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateKeyFromPem } from './key-material';

export interface DevSigningKey {
  privateKey: KeyObject;
  /** Where it is kept; null when DATA_DIR could not take it and it lives in memory only. */
  file: string | null;
  /** Made just now (rather than read from an earlier start). */
  created: boolean;
}

export const devKeyFile = (dataDir: string) => join(dataDir, 'keys', 'certificate-signing.pem');

/** Errors that mean "this folder will not take a file", as opposed to a bug or a broken key. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOSPC']);

/**
 * The development signing key under DATA_DIR, made on the first start and read on later
 * ones, so that credentials signed yesterday still verify today. The file is created
 * exclusively (0600): when the api and worker processes start together on one DATA_DIR,
 * the second reads what the first wrote instead of overwriting it. A folder that cannot
 * take the file leaves the key in memory for this process.
 */
export function loadOrCreateDevKey(dataDir: string): DevSigningKey {
  const file = devKeyFile(dataDir);
  const existing = readKey(file);
  if (existing) return { privateKey: existing, file, created: false };

  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    return { privateKey, file, created: true };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return { privateKey: readKey(file) ?? privateKey, file, created: false };
    if (UNWRITABLE.has(code)) return { privateKey, file: null, created: true };
    throw err;
  }
}

/** The key in `file`, or null when there is no file. A file that holds no key is an error, never replaced. */
function readKey(file: string): KeyObject | null {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT' || UNWRITABLE.has(code)) return null;
    throw err;
  }
  try {
    return privateKeyFromPem(pem);
  } catch {
    throw new Error(
      `${file} does not hold an Ed25519 private key. Restore it, or delete it to make a new development key ` +
        '(credentials signed with the old one will then no longer verify).',
    );
  }
}
