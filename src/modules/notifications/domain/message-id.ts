import { createHash } from 'node:crypto';

/**
 * The Message-ID of the one e-mail a (event, recipient, channel) may produce. It is derived,
 * not random: if the process dies after the SMTP server took the message but before the
 * send was recorded, the retry sends a message with the same Message-ID, and mail clients
 * (which thread and de-duplicate by it) show one message. See docs/notifications.md.
 */
export function messageIdFor(eventKey: string, recipientId: string, channel: string, domain: string): string {
  const digest = createHash('sha256').update(`${eventKey}\u0000${recipientId}\u0000${channel}`).digest('hex');
  return `<${digest}@${domain}>`;
}

/** The domain of "Bina <no-reply@bina.local>" or "no-reply@bina.local". */
export function domainOfAddress(from: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(from);
  return match ? match[1].toLowerCase() : 'bina.local';
}
