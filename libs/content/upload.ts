import type { FastifyRequest } from 'fastify';
import { validationFailed } from '../common/errors/validation';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
  /** The plain form fields sent before the file. */
  fields: Record<string, string>;
}

/**
 * Reads the one file of a multipart request, refusing it past `maxBytes` (each use has its
 * own limit; the server-wide multipart limit is only the largest of them). Problems are
 * named by field and rule like every other validation error.
 */
export async function readUploadedFile(
  req: FastifyRequest,
  options: { field?: string; maxBytes: number },
): Promise<UploadedFile> {
  const field = options.field ?? 'file';
  if (!req.isMultipart()) {
    throw validationFailed([
      { field, rule: 'multipart', message: `send the file as multipart/form-data field "${field}"` },
    ]);
  }
  const part = await req.file({ limits: { fileSize: options.maxBytes } });
  if (!part || part.fieldname !== field) {
    throw validationFailed([{ field, rule: 'required', message: `${field} is required` }]);
  }
  const content = await part.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') return null;
    throw err;
  });
  if (content === null || part.file.truncated) {
    const mb = Math.round((options.maxBytes / (1024 * 1024)) * 10) / 10;
    throw validationFailed([{ field, rule: 'max_size', message: `${field} must not be larger than ${mb} MB` }]);
  }
  if (content.length === 0) throw validationFailed([{ field, rule: 'required', message: `${field} is empty` }]);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const entry = Array.isArray(value) ? value[0] : value;
    if (entry && entry.type === 'field' && name !== field) fields[name] = String(entry.value);
  }
  return { fileName: part.filename, content, fields };
}
