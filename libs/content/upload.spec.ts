import fastifyMultipart from '@fastify/multipart';
import Fastify, { FastifyInstance } from 'fastify';
import { DomainException } from '../common/errors/domain-exception';
import { readUploadedFile, UploadRefusedException } from './upload';

/** A multipart body: plain fields first, then the one file part. */
function multipart(fields: Record<string, string>, file: { name: string; content: Buffer } | null) {
  const boundary = '----bina-test';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="bukti.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('readUploadedFile', () => {
  let app: FastifyInstance;
  let outcome: unknown;

  beforeAll(async () => {
    app = Fastify();
    await app.register(fastifyMultipart);
    app.post('/', async (req) => {
      outcome = await readUploadedFile(req, { maxBytes: 16 }).catch((err: unknown) => err);
      return {};
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const send = async (fields: Record<string, string>, file: { name: string; content: Buffer } | null) => {
    outcome = undefined;
    await app.inject({ method: 'POST', url: '/', ...multipart(fields, file) });
    return outcome;
  };
  const typed = { title: 'Bimtek Arsip', organiser: 'ANRI' };

  it('gives the file and the fields sent before it', async () => {
    const upload = await send(typed, { name: 'file', content: Buffer.from('%PDF-1.4') });
    expect(upload).toEqual({ fileName: 'bukti.pdf', content: Buffer.from('%PDF-1.4'), fields: typed });
  });

  it.each([
    ['too large', { name: 'file', content: Buffer.alloc(17, 0x25) }, 'max_size'],
    ['empty', { name: 'file', content: Buffer.alloc(0) }, 'required'],
    ['under another name', { name: 'evidence', content: Buffer.from('%PDF-1.4') }, 'required'],
  ])('refuses a file %s as a validation error that keeps the typed fields', async (_case, file, rule) => {
    const err = await send(typed, file);
    expect(err).toBeInstanceOf(UploadRefusedException);
    expect(err).toBeInstanceOf(DomainException);
    const refused = err as UploadRefusedException;
    expect(refused.code).toBe('COMMON.VALIDATION_FAILED');
    expect(refused.details).toEqual({ fields: [expect.objectContaining({ field: 'file', rule })] });
    expect(refused.formFields).toEqual(typed);
  });

  it('refuses a form without a file, with no fields to give back', async () => {
    const err = (await send(typed, null)) as UploadRefusedException;
    expect(err).toBeInstanceOf(UploadRefusedException);
    expect(err.details?.fields?.[0]).toMatchObject({ field: 'file', rule: 'required' });
    expect(err.formFields).toEqual({});
  });

  it('refuses a request that is not multipart', async () => {
    outcome = undefined;
    await app.inject({ method: 'POST', url: '/', payload: { title: 'x' } });
    expect(outcome).toBeInstanceOf(UploadRefusedException);
    expect((outcome as UploadRefusedException).details?.fields?.[0]).toMatchObject({ rule: 'multipart' });
  });
});
