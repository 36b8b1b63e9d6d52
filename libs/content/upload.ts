import type { MultipartFields } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { CommonError, DomainException, FieldProblem } from '../common/errors/domain-exception';
import { validationFailed } from '../common/errors/validation';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
  /** The plain form fields sent before the file. */
  fields: Record<string, string>;
}

/**
 * A refused upload (not multipart, no file, too large, empty): a validation error like any
 * other, which also carries the plain form fields read before the file was refused, so a page
 * can show its form again as it was typed. The fields stay off the error's details: an API
 * response does not echo them.
 */
export class UploadRefusedException extends DomainException {
  constructor(
    problem: FieldProblem,
    /** The plain fields sent before the file (empty when none could be read). */
    readonly formFields: Record<string, string> = {},
  ) {
    const { message, details } = validationFailed([problem]);
    super(CommonError.VALIDATION_FAILED, message, details);
  }
}

/**
 * Reads the one file of a multipart request, refusing it past `maxBytes` (each use has its
 * own limit; the server-wide multipart limit is only the largest of them). Problems are
 * named by field and rule like every other validation error; a refusal is an
 * {@link UploadRefusedException} with the fields typed so far.
 */
export async function readUploadedFile(
  req: FastifyRequest,
  options: { field?: string; maxBytes: number },
): Promise<UploadedFile> {
  const field = options.field ?? 'file';
  if (!req.isMultipart()) {
    throw new UploadRefusedException({
      field,
      rule: 'multipart',
      message: `send the file as multipart/form-data field "${field}"`,
    });
  }
  const part = await req.file({ limits: { fileSize: options.maxBytes } });
  if (!part) throw new UploadRefusedException({ field, rule: 'required', message: `${field} is required` });
  // Read when needed: the fields object fills as the request is parsed.
  const typed = () => plainFields(part.fields, field);
  if (part.fieldname !== field) {
    throw new UploadRefusedException({ field, rule: 'required', message: `${field} is required` }, typed());
  }
  const content = await part.toBuffer().catch((err: { code?: string }) => {
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') return null;
    throw err;
  });
  if (content === null || part.file.truncated) {
    const mb = Math.round((options.maxBytes / (1024 * 1024)) * 10) / 10;
    throw new UploadRefusedException(
      { field, rule: 'max_size', message: `${field} must not be larger than ${mb} MB` },
      typed(),
    );
  }
  if (content.length === 0) {
    throw new UploadRefusedException({ field, rule: 'required', message: `${field} is empty` }, typed());
  }
  return { fileName: part.filename, content, fields: typed() };
}

/** The plain (non-file) fields of a multipart part, each as its first value in text. */
function plainFields(partFields: MultipartFields, fileField: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(partFields)) {
    const entry = Array.isArray(value) ? value[0] : value;
    if (entry && entry.type === 'field' && name !== fileField) fields[name] = String(entry.value);
  }
  return fields;
}
