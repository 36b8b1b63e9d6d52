import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { dirname, join } from 'node:path';
import { FileStorage, KEY, newFileKey } from './file-storage';

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

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('Bad storage key');
    return join(this.root, key);
  }
}
