import { Inject, Injectable } from '@nestjs/common';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig, APP_CONFIG } from '../../../../libs/config';
import { mailOutboxDir } from './mail-transport';
import { StoredMailSummary } from './outgoing-mail';

const LIST_LIMIT = 100;
const SCAN_LIMIT = 1000;

/**
 * The messages the embedded default wrote under DATA_DIR/mail-outbox, for the dev mailbox
 * page. Only there when no SMTP server is configured and not in production.
 */
@Injectable()
export class DevMailbox {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !this.config.mail.smtpUrl && this.config.env !== 'production';
  }

  /** Newest first; only one person's messages unless `recipientId` is null (everyone's). */
  async list(recipientId: string | null): Promise<StoredMailSummary[]> {
    const dir = mailOutboxDir(this.config);
    const names = (await readdir(dir).catch(() => [] as string[])).filter((f) => /^[0-9a-f]{64}\.json$/.test(f));
    // Newest files first, and only so many read: a long-running dev instance piles messages up.
    const dated = await Promise.all(
      names.map(async (f) => ({ f, at: (await stat(join(dir, f)).catch(() => null))?.mtimeMs ?? 0 })),
    );
    const newest = dated.sort((a, b) => b.at - a.at).slice(0, SCAN_LIMIT);
    const summaries = await Promise.all(newest.map(({ f }) => this.read(join(dir, f))));
    return summaries
      .filter((s): s is StoredMailSummary => s !== null && (recipientId === null || s.recipientId === recipientId))
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
      .slice(0, LIST_LIMIT);
  }

  async get(id: string, recipientId: string | null): Promise<{ summary: StoredMailSummary; raw: string } | null> {
    if (!/^[0-9a-f]{64}$/.test(id)) return null;
    const dir = mailOutboxDir(this.config);
    const summary = await this.read(join(dir, `${id}.json`));
    if (!summary || (recipientId !== null && summary.recipientId !== recipientId)) return null;
    const raw = await readFile(join(dir, `${id}.eml`), 'utf8').catch(() => '');
    return { summary, raw };
  }

  private async read(file: string): Promise<StoredMailSummary | null> {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as StoredMailSummary;
    } catch {
      return null;
    }
  }
}
