import { NOTIFICATION_CATEGORIES } from '../domain/categories';
import { renderDigestEmail, renderNotificationEmail } from './email-template';
import { notificationText } from './notification-text';

const frame = { recipientName: 'Siti Aminah', preferencesUrl: 'https://bina.test/notifikasi/pengaturan' };

describe('notification templates', () => {
  it('speaks Bahasa Indonesia by default and English when chosen, with the date in WIB', () => {
    const params = { course: 'Pelayanan Publik Prima', deadline: '2026-03-09T17:30:00.000Z' };
    const id = notificationText('course-assigned', params, 'id');
    const en = notificationText('course-assigned', params, 'en');
    expect(id.title).toBe('Anda ditugaskan mengikuti kursus "Pelayanan Publik Prima"');
    expect(id.lines).toContain('Selesaikan paling lambat 10 Maret 2026.');
    expect(en.title).toBe('You have been assigned the course "Pelayanan Publik Prima"');
    expect(en.lines).toContain('Please finish it by 10 March 2026.');
  });

  it('says "tomorrow" for a one-day deadline and the count of days otherwise', () => {
    const params = { course: 'Etika ASN', deadline: '2026-03-10T00:00:00Z' };
    expect(notificationText('deadline-approaching', { ...params, days: 1 }, 'id').title).toContain('besok');
    expect(notificationText('deadline-approaching', { ...params, days: 7 }, 'en').title).toContain('in 7 days');
  });

  it.each(NOTIFICATION_CATEGORIES)('has words for %s in both languages, even with no params', (category) => {
    for (const locale of ['id', 'en'] as const) {
      const text = notificationText(category, {}, locale);
      expect(text.title.length).toBeGreaterThan(5);
      expect(`${text.title} ${text.lines.join(' ')}`).not.toMatch(/undefined|null|NaN/);
    }
  });

  it('escapes params in the HTML part and keeps them as written in the text part', () => {
    const email = renderNotificationEmail({
      ...frame,
      locale: 'id',
      category: 'quiz-graded',
      params: { quiz: '<script>alert("x")</script> & Co', percent: 80, passed: 1 },
      url: 'https://bina.test/kuis/1?a=1&b=2',
      unsubscribeUrl: 'https://bina.test/notifikasi/berhenti/t.k',
    });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(email.html).toContain('href="https://bina.test/kuis/1?a=1&amp;b=2"');
    expect(email.text).toContain('<script>alert("x")</script> & Co');
    expect(email.text).toContain('Nilai Anda: 80%. Anda lulus.');
    expect(email.subject).toBe('Nilai kuis "<script>alert("x")</script> & Co" sudah keluar');
    expect(email.text).toContain('Yth. Siti Aminah,');
    expect(email.text).toContain('Berhenti menerima e-mail "Nilai kuis": https://bina.test/notifikasi/berhenti/t.k');
    expect(email.html).toContain('<html lang="id">');
  });

  it('writes a digest with a heading and an unsubscribe link per category, in English when chosen', () => {
    const email = renderDigestEmail({
      ...frame,
      locale: 'en',
      moreUrl: 'https://bina.test/notifikasi',
      groups: [
        {
          category: 'course-assigned',
          unsubscribeUrl: 'https://bina.test/u/1',
          items: [
            { category: 'course-assigned', params: { course: 'A & B' }, url: 'https://bina.test/kursus/1' },
            { category: 'course-assigned', params: { course: 'C' }, url: null },
          ],
        },
        {
          category: 'quiz-graded',
          unsubscribeUrl: 'https://bina.test/u/2',
          items: [{ category: 'quiz-graded', params: { quiz: 'Q', percent: 50 }, url: null }],
          hidden: 2,
        },
      ],
    });
    expect(email.subject).toBe('Your Bina daily digest: 5 notifications');
    expect(email.text).toContain('== Course assignments ==');
    expect(email.text).toContain('- You have been assigned the course "A & B"\n  https://bina.test/kursus/1');
    expect(email.html).toContain('A &amp; B');
    expect(email.html).toContain('href="https://bina.test/u/1"');
    expect(email.html).toContain('href="https://bina.test/u/2"');
    expect(email.text).toContain('And 2 more notifications in Bina. https://bina.test/notifikasi');
  });
});
