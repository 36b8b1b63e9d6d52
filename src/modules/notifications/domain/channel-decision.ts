import { EmailMode } from './categories';
import { QuietHours, sendTimeAfterQuiet } from './quiet-hours';

export interface EmailDecisionInput {
  /** The person's choice for this category (or 'auto'). */
  mode: EmailMode;
  /** The event's urgency (the producer's say, else the category's default). */
  urgent: boolean;
  /** The address on file, if any. */
  email: string | null;
  /** The address bounced permanently before (SMTP 5xx on RCPT). */
  addressFailed: boolean;
  quietHours: QuietHours | null;
  now: Date;
}

export type EmailDecision =
  | { kind: 'none'; reason: 'off' | 'no-address' | 'address-failed' }
  | { kind: 'digest' }
  | { kind: 'immediate'; sendAt: Date };

/**
 * Whether, and when, a notification goes out by e-mail. The in-app copy always exists;
 * e-mail is sent at once (after quiet hours), gathered into the daily digest, or not at all.
 */
export function decideEmail(input: EmailDecisionInput): EmailDecision {
  if (input.mode === 'off') return { kind: 'none', reason: 'off' };
  if (!input.email) return { kind: 'none', reason: 'no-address' };
  if (input.addressFailed) return { kind: 'none', reason: 'address-failed' };
  const immediate = input.mode === 'immediate' || (input.mode === 'auto' && input.urgent);
  if (!immediate) return { kind: 'digest' };
  return { kind: 'immediate', sendAt: sendTimeAfterQuiet(input.now, input.quietHours) };
}
