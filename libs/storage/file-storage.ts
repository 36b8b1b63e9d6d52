import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where uploaded and generated files live. Keys are generated here (never taken from
 * a user's file name), so no path can be smuggled in. Local disk by default; an
 * S3-compatible store can implement the same calls.
 */
export interface FileStorage {
  put(folder: string, content: Buffer, extension: string): Promise<string>;
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Size in bytes (videos are streamed in ranges, never read whole). */
  size(key: string): Promise<number>;
  /** The file, or the inclusive byte range of it, as a stream. */
  stream(key: string, range?: { start: number; end: number }): Readable;
  /**
   * A file to be written bit by bit (a large export) at `path`; it gets its key only when
   * committed, so a failed or interrupted write never leaves a file that looks complete.
   */
  draft(folder: string, extension: string): Promise<FileDraft>;
}

export interface FileDraft {
  /** Where to write the content (a local file). */
  readonly path: string;
  /** Stores what was written; returns its key. */
  commit(): Promise<string>;
  /** Drops what was written. */
  discard(): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

const FOLDER = /^[a-z0-9-]{1,40}$/;
const EXTENSION = /^[a-z0-9]{1,8}$/;
export const KEY = /^[a-z0-9-]{1,40}\/[0-9a-f]{2}\/[0-9a-f]{32}\.[a-z0-9]{1,8}$/;

export function newFileKey(folder: string, extension: string): string {
  if (!FOLDER.test(folder) || !EXTENSION.test(extension)) throw new Error('Bad storage folder or extension');
  const name = randomBytes(16).toString('hex');
  return `${folder}/${name.slice(0, 2)}/${name}.${extension}`;
}
