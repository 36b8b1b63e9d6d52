import { classifySendFailure } from './smtp-failure';

const smtpError = (fields: Record<string, unknown>) => Object.assign(new Error('smtp'), fields);

describe('what a failed send means', () => {
  it.each([
    [
      '550 on RCPT (all recipients rejected)',
      smtpError({
        code: 'EENVELOPE',
        command: 'RCPT TO',
        responseCode: 550,
        rejectedErrors: [{ responseCode: 550, response: '550 5.1.1 Mailbox unavailable' }],
      }),
      'address-failed',
    ],
    [
      '553 on RCPT',
      smtpError({ command: 'RCPT TO', responseCode: 553, response: '553 no such user' }),
      'address-failed',
    ],
    ['451 on RCPT', smtpError({ command: 'RCPT TO', responseCode: 451 }), 'retry'],
    ['421 service closing', smtpError({ command: 'CONN', responseCode: 421 }), 'retry'],
    ['554 on DATA (the message refused)', smtpError({ command: 'DATA', responseCode: 554 }), 'permanent'],
    ['503 bad sequence', smtpError({ command: 'DATA', responseCode: 503 }), 'retry'],
    ['a dropped connection', smtpError({ code: 'ECONNECTION' }), 'retry'],
    ['a timeout', smtpError({ code: 'ETIMEDOUT' }), 'retry'],
    ['not an error at all', undefined, 'retry'],
  ])('%s → %s', (_name, err, kind) => {
    expect(classifySendFailure(err).kind).toBe(kind);
  });

  it('keeps the code and the server’s words for the admin page', () => {
    expect(
      classifySendFailure(
        smtpError({ command: 'RCPT TO', rejectedErrors: [{ responseCode: 550, response: '550 Mailbox unavailable' }] }),
      ),
    ).toEqual({ kind: 'address-failed', code: 550, response: '550 Mailbox unavailable' });
  });
});
