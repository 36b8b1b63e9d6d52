import { safeNext } from './page-context';

export { doneFlag, formProblems, seeOther } from './page-actions';

/** Where a form asked to go back to (a same-site path only), or the fallback. */
export function safeNextPath(body: unknown, fallback: string): string {
  return safeNext((body as Record<string, unknown> | undefined)?.next, fallback);
}
