/**
 * What kind of failure a domain error is. The exception filter maps each kind to
 * exactly one HTTP status (see error-status.ts); services never speak HTTP.
 */
export type ErrorKind =
  | 'invalid' // 400: the request itself is malformed
  | 'unauthenticated' // 401
  | 'forbidden' // 403: only where hiding existence is pointless (e.g. own role lacks a capability)
  | 'not_found' // 404: also for records outside the caller's scope
  | 'conflict' // 409: the state does not allow it (duplicate, closed, already done)
  | 'unprocessable' // 422: well-formed but breaks a domain rule (bad NIP, bad date range)
  | 'too_large' // 413: upload or body over its limit
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface ErrorCode {
  /** Stable, namespaced: `IDENTITY.NIP_INVALID`. Clients and translations key on it. */
  readonly code: string;
  readonly kind: ErrorKind;
}

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export interface DomainErrorDetails {
  fields?: FieldProblem[];
  [key: string]: unknown;
}

export class DomainException extends Error {
  constructor(
    readonly error: ErrorCode,
    message: string,
    readonly details?: DomainErrorDetails,
    /** Extra response headers, e.g. Retry-After for rate limits. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainException';
  }

  get code(): string {
    return this.error.code;
  }
}

/**
 * Declares a module's error codes with their kinds in one table:
 *   export const IdentityError = defineErrors('IDENTITY', { USER_NOT_FOUND: 'not_found' });
 *   throw new DomainException(IdentityError.USER_NOT_FOUND, 'User not found');
 */
export function defineErrors<K extends string>(namespace: string, table: Record<K, ErrorKind>): Record<K, ErrorCode> {
  const out = {} as Record<K, ErrorCode>;
  for (const key of Object.keys(table) as K[]) out[key] = { code: `${namespace}.${key}`, kind: table[key] };
  return out;
}

/** Errors every module may raise. */
export const CommonError = defineErrors('COMMON', {
  VALIDATION_FAILED: 'invalid',
  NOT_FOUND: 'not_found',
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  CSRF_INVALID: 'forbidden',
  RATE_LIMITED: 'rate_limited',
  PAYLOAD_TOO_LARGE: 'too_large',
  UNSUPPORTED_MEDIA_TYPE: 'invalid',
  UNAVAILABLE: 'unavailable',
  INTERNAL: 'unavailable',
});
