import { HttpException, NotFoundException } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { CommonError, defineErrors, DomainException } from './domain-exception';
import { STATUS_BY_KIND } from './error-status';
import { toErrorBody } from './exception.filter';
import { flattenValidationErrors } from './validation';

describe('error shape', () => {
  const Sample = defineErrors('SAMPLE', { GONE: 'not_found', CLOSED: 'conflict', BAD_NIP: 'unprocessable' });

  it('namespaces codes and maps every kind to one status', () => {
    expect(Sample.GONE).toEqual({ code: 'SAMPLE.GONE', kind: 'not_found' });
    expect(STATUS_BY_KIND).toMatchObject({
      invalid: 400,
      not_found: 404,
      conflict: 409,
      unprocessable: 422,
      rate_limited: 429,
    });
  });

  it.each([
    [new DomainException(Sample.GONE, 'gone'), 404, 'SAMPLE.GONE'],
    [new DomainException(Sample.CLOSED, 'closed'), 409, 'SAMPLE.CLOSED'],
    [new DomainException(Sample.BAD_NIP, 'bad'), 422, 'SAMPLE.BAD_NIP'],
    [new NotFoundException('Cannot GET /x'), 404, 'COMMON.NOT_FOUND'],
    [new HttpException('too big', 413), 413, 'COMMON.PAYLOAD_TOO_LARGE'],
    [Object.assign(new Error('bad json'), { statusCode: 400 }), 400, 'COMMON.VALIDATION_FAILED'],
    [
      new HttpException('csrf', 403, { cause: Object.assign(new Error('x'), { code: 'FST_CSRF_INVALID_TOKEN' }) }),
      403,
      'COMMON.CSRF_INVALID',
    ],
  ])('shapes %p as %i %s', (error, status, code) => {
    const { body } = toErrorBody(error, 'rid');
    expect(body).toMatchObject({ statusCode: status, code, requestId: 'rid' });
  });

  it('hides the internals of unknown errors behind a 500', () => {
    const { body } = toErrorBody(new Error('SELECT * FROM user_account exploded'), 'rid');
    expect(body).toEqual({
      statusCode: 500,
      code: CommonError.INTERNAL.code,
      message: 'Internal error',
      requestId: 'rid',
    });
  });

  it('passes Retry-After and details of a domain error through', () => {
    const error = new DomainException(
      CommonError.RATE_LIMITED,
      'slow down',
      { retryAfterSeconds: 60 },
      { 'Retry-After': '60' },
    );
    expect(toErrorBody(error, 'rid')).toEqual({
      body: {
        statusCode: 429,
        code: 'COMMON.RATE_LIMITED',
        message: 'slow down',
        details: { retryAfterSeconds: 60 },
        requestId: 'rid',
      },
      headers: { 'Retry-After': '60' },
    });
  });
});

describe('validation problems', () => {
  const error = (property: string, constraints: Record<string, string>, children: ValidationError[] = []) =>
    Object.assign(new ValidationError(), { property, constraints, children });

  it('lists each field and rule, nested fields with dotted paths, unknown fields by name', () => {
    const problems = flattenValidationErrors([
      error('email', { isEmail: 'email must be an email' }),
      error('role', { whitelistValidation: 'property role should not exist' }),
      error('requirements', {}, [
        error('0', {}, [error('requiredLevel', { max: 'requiredLevel must not be greater than 5' })]),
      ]),
    ]);
    expect(problems).toEqual([
      { field: 'email', rule: 'isEmail', message: 'email must be an email' },
      { field: 'role', rule: 'unknown_field', message: 'role is not an accepted field' },
      { field: 'requirements.0.requiredLevel', rule: 'max', message: 'requiredLevel must not be greater than 5' },
    ]);
  });
});
