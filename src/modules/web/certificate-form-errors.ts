import { DomainException, FieldProblem, STATUS_BY_KIND } from '../../../libs/common';

/** A form's problems as the certificate pages show them: each beside its field, and listed at the top. */
export interface FormError {
  statusCode: number;
  /** Shown at the top when no field names the problem. */
  message: string;
  /** Field name → what to fix, in the page's language where a translation is known. */
  fields: Record<string, string>;
}

/**
 * The problems of a failed form post. Anything that is not a domain error is rethrown
 * (the page filter turns it into the error page); `localise` gives a field problem its
 * text in the page's language, or null to keep the service's message.
 */
export function formError(err: unknown, localise: (problem: FieldProblem) => string | null): FormError {
  if (!(err instanceof DomainException)) throw err;
  const fields: Record<string, string> = {};
  for (const problem of err.details?.fields ?? []) {
    fields[problem.field] ??= localise(problem) ?? problem.message;
  }
  return { statusCode: STATUS_BY_KIND[err.error.kind], message: err.message, fields };
}

/** The id of a field's error text, for aria-describedby: "blocks.2" → "galat-blocks-2". */
export function errorId(field: string): string {
  return `galat-${field.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
