import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the SMTP server received it, parsed back (mailparser). */
export interface ReceivedMail {
  /** With angle brackets, as in the header: <hex@domain>. */
  messageId: string;
  /** RCPT TO addresses of the envelope. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Raw values of a header (lower-case name), e.g. header('list-unsubscribe'). */
  header(name: string): string | null;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Every message accepted, in order of arrival (also those whose connection was then dropped). */
  readonly messages: ReceivedMail[];
  /** Messages to one address. */
  to(address: string): ReceivedMail[];
  /**
   * Refuses RCPT TO for the address with this code (550: mailbox unavailable; 451: try later),
   * every time or only the next `times` times.
   */
  rejectRecipient(address: string, code?: number, times?: number): void;
  /**
   * The next `times` messages are received and kept, then the connection is dropped before
   * the server answers: the sender never learns that the message arrived.
   */
  dropAfterAccepting(times?: number): void;
  /** Resolves once at least `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A real SMTP server on a random local port, without TLS or auth, that keeps what it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const rejected = new Map<string, { code: number; times: number }>();
  let drops = 0;

  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // Tests end quickly: connections still open are cut after a second.
    closeTimeout: 1000,
    onRcptTo(address, _session, callback) {
      const rule = rejected.get(address.address.toLowerCase());
      if (!rule || rule.times <= 0) return callback();
      rule.times--;
      const { code } = rule;
      callback(
        Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        void simpleParser(raw).then((parsed) => {
          const lines = parsed.headerLines ?? [];
          messages.push({
            messageId: parsed.messageId ?? '',
            to: envelopeTo,
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            header: (name) => {
              const line = lines.find((l) => l.key === name.toLowerCase())?.line;
              return line
                ? line
                    .slice(line.indexOf(':') + 1)
                    .replace(/\r?\n\s+/g, ' ')
                    .trim()
                : null;
            },
          });
          if (drops > 0) {
            drops--;
            // As if the server crashed after storing the message: no reply, the socket just goes.
            for (const connection of server.connections) {
              if (connection.session === session) connection._socket.destroy();
            }
            return;
          }
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    rejectRecipient: (address, code = 550, times = Infinity) => {
      rejected.set(address.toLowerCase(), { code, times });
    },
    dropAfterAccepting: (times = 1) => {
      drops = times;
    },
    async waitFor(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`Expected ${count} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
