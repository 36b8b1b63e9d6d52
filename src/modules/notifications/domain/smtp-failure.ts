/** What to do after an SMTP send failed. */
export type SendFailure =
  /** 5xx on RCPT: this address will never take mail; mark it and stop. */
  | { kind: 'address-failed'; code: number; response: string }
  /** Another 5xx (the message itself was refused): do not retry. */
  | { kind: 'permanent'; code: number; response: string }
  /** 4xx, connection trouble, timeouts: try again later (the job's backoff). */
  | { kind: 'retry' };

interface SmtpErrorLike {
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
  rejectedErrors?: SmtpErrorLike[];
}

export function classifySendFailure(err: unknown): SendFailure {
  const e = (err ?? {}) as SmtpErrorLike;
  // Nodemailer reports "every recipient was rejected" with the replies of each RCPT.
  const rcpt = e.rejectedErrors?.find((r) => r.responseCode !== undefined) ?? (e.command === 'RCPT TO' ? e : null);
  const code = rcpt?.responseCode ?? e.responseCode;
  if (code === undefined || code < 500 || code > 599) return { kind: 'retry' };
  const response = String(rcpt?.response ?? e.response ?? e.message ?? '').slice(0, 300);
  // 503 is a bad command sequence, not a refusal: a new connection may succeed.
  if (code === 503) return { kind: 'retry' };
  return rcpt ? { kind: 'address-failed', code, response } : { kind: 'permanent', code, response };
}
