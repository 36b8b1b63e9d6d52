import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { dirname, join } from 'node:path';
import { FileDraft, FileStorage, KEY, newFileKey } from './file-storage';

/** Files under DATA_DIR/files; a shared volume when several processes run. */
export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(folder: string, content: Buffer, extension: string): Promise<string> {
    const key = newFileKey(folder, extension);
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, { mode: 0o600 });
    return key;
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async size(key: string): Promise<number> {
    return (await stat(this.pathOf(key))).size;
  }

  stream(key: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {});
  }

  /** Written beside its final place as '.part' (same file system), renamed into place on commit. */
  async draft(folder: string, extension: string): Promise<FileDraft> {
    const key = newFileKey(folder, extension);
    const final = this.pathOf(key);
    const path = `${final}.part`;
    await mkdir(dirname(final), { recursive: true });
    return {
      path,
      commit: async () => {
        await rename(path, final);
        return key;
      },
      discard: () => rm(path, { force: true }),
    };
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('Bad storage key');
    return join(this.root, key);
  }
}
