import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../../../libs/config';

const dir = mkdtempSync(join(tmpdir(), 'bina-mail-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig({ DATA_DIR: dir, ...env });
    return '';
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.join('\n');
    throw err;
  }
};

describe('e-mail configuration', () => {
  it('needs nothing: files under DATA_DIR/mail-outbox, a local sender, the digest at 07:00 WIB', () => {
    expect(loadConfig({ DATA_DIR: dir }).mail).toEqual({
      smtpUrl: null,
      from: 'Bina <no-reply@bina.local>',
      digestHourWib: 7,
    });
  });

  it('takes an SMTP URL, a sender and a digest hour', () => {
    const config = loadConfig({
      DATA_DIR: dir,
      SMTP_URL: 'smtp://bina:rahasia@mail.bkpsdm.go.id:587',
      MAIL_FROM: 'BKPSDM Kota Medan <no-reply@bkpsdm.medan.go.id>',
      DIGEST_HOUR_WIB: '16',
    });
    expect(config.mail).toEqual({
      smtpUrl: 'smtp://bina:rahasia@mail.bkpsdm.go.id:587',
      from: 'BKPSDM Kota Medan <no-reply@bkpsdm.medan.go.id>',
      digestHourWib: 16,
    });
    expect(loadConfig({ DATA_DIR: dir, MAIL_FROM: 'no-reply@bina.go.id' }).mail.from).toBe('no-reply@bina.go.id');
  });

  it.each([
    [{ SMTP_URL: 'mail.example.go.id:25' }, 'SMTP_URL'],
    [{ SMTP_URL: 'http://mail.example.go.id' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'Bina' }, 'MAIL_FROM'],
    [{ MAIL_FROM: 'Bina <no-reply@bina.go.id' }, 'MAIL_FROM'],
    [{ DIGEST_HOUR_WIB: '24' }, 'DIGEST_HOUR_WIB'],
    [{ DIGEST_HOUR_WIB: 'pagi' }, 'DIGEST_HOUR_WIB'],
  ])('refuses %j and names %s', (env, variable) => {
    expect(problemsOf(env)).toContain(variable);
  });
});
