import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { OutgoingMail, StoredMailSummary } from './outgoing-mail';

/** The hex part of a Message-ID: a safe file name, the same for a resent message. */
export function mailFileId(messageId: string): string {
  return /^<([0-9a-f]{64})@/.exec(messageId)?.[1] ?? messageId.replace(/[^0-9a-zA-Z]/g, '').slice(0, 64);
}

export function mailOutboxDir(config: AppConfig): string {
  return join(config.dataDir, 'mail-outbox');
}

/**
 * Sends e-mail through nodemailer: over SMTP when SMTP_URL is set; otherwise (the embedded
 * default) each message is written as an .eml file under DATA_DIR/mail-outbox, where the dev
 * mailbox page shows it. Errors are the SMTP server's, for the caller to classify.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  readonly kind: 'smtp' | 'files';
  private readonly transporter: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const smtpUrl = config.mail.smtpUrl;
    this.kind = smtpUrl ? 'smtp' : 'files';
    this.transporter = smtpUrl
      ? createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    if (!smtpUrl && config.env === 'production') {
      this.logger.warn('SMTP_URL is not set: e-mails are only written to DATA_DIR/mail-outbox');
    }
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transporter.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      date: mail.date,
      headers: {
        'List-Unsubscribe': `<${mail.oneClickUnsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        // RFC 3834: no auto-replies ("out of office") to a machine.
        'Auto-Submitted': 'auto-generated',
      },
    });
    if (this.kind === 'files') await this.store(mail, (info as { message: Buffer }).message);
  }

  /** The .eml and a small summary beside it; a resend of the same message replaces both. */
  private async store(mail: OutgoingMail, raw: Buffer): Promise<void> {
    const dir = mailOutboxDir(this.config);
    await mkdir(dir, { recursive: true });
    const id = mailFileId(mail.messageId);
    const summary: StoredMailSummary = {
      id,
      messageId: mail.messageId,
      recipientId: mail.recipientId,
      to: mail.to.address,
      subject: mail.subject,
      date: mail.date.toISOString(),
      text: mail.text,
      html: mail.html,
    };
    await writeAtomically(join(dir, `${id}.eml`), raw);
    await writeAtomically(join(dir, `${id}.json`), JSON.stringify(summary));
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

async function writeAtomically(file: string, data: Buffer | string): Promise<void> {
  const temporary = `${file}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}
