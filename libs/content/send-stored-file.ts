import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileStorage } from '../storage/file-storage';
import { parseByteRange } from './byte-range';

export interface StoredFileResponse {
  key: string;
  mime: string;
  fileName: string;
  /** inline: shown in the browser (video, PDF); attachment: downloaded. */
  disposition: 'inline' | 'attachment';
}

/**
 * `Content-Disposition` with a plain ASCII name for old clients and the exact UTF-8 name
 * (RFC 5987) for the rest; quotes, backslashes and control characters never reach the header.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Streams a stored file with the headers that keep it harmless: its checked type, no
 * sniffing, a sandboxing CSP (a file opened directly cannot run script as us), and HTTP
 * range support so that videos seek and resume on slow connections (206 / 416).
 */
export async function sendStoredFile(
  reply: FastifyReply,
  request: FastifyRequest,
  storage: FileStorage,
  file: StoredFileResponse,
): Promise<void> {
  const size = await storage.size(file.key);
  void reply
    .header('content-type', file.mime)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', contentDisposition(file.disposition, file.fileName))
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('accept-ranges', 'bytes')
    .header('cache-control', 'private, max-age=3600');
  const range = parseByteRange(request.headers.range, size);
  if (range === 'unsatisfiable') {
    await reply.status(416).header('content-range', `bytes */${size}`).send();
    return;
  }
  if (range) {
    await reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
      .header('content-length', range.end - range.start + 1)
      .send(storage.stream(file.key, range));
    return;
  }
  await reply.status(200).header('content-length', size).send(storage.stream(file.key));
}
