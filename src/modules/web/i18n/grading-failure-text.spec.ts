import { JOB_MAX_ATTEMPTS } from '../../../../libs/queue/jobs';
import { GradingFailure } from '../../assessment/attempts/grading-failure';
import { translator } from './messages';
import { gradingFailureText } from './quiz.messages';

describe('why a grading failed, as the instructor’s pages word it', () => {
  const id = translator('id');
  const en = translator('en');

  it.each(Object.entries(GradingFailure))('words %s in each language, never as kept', (_, stored) => {
    const indonesian = gradingFailureText(id, stored);
    const english = gradingFailureText(en, stored);
    expect(indonesian).not.toBe(stored);
    expect(english).not.toBe(stored);
    expect(indonesian).not.toBe(english);
    expect(indonesian).not.toMatch(/\{\w+\}/);
  });

  it('says how many tries the job had', () => {
    expect(gradingFailureText(id, GradingFailure.gaveUp)).toBe(
      `Penilaian dihentikan setelah ${JOB_MAX_ATTEMPTS} kali dicoba. Setelah penyebabnya diperbaiki, nilai ulang percobaan ini.`,
    );
    expect(gradingFailureText(en, GradingFailure.gaveUp)).toContain(`after ${JOB_MAX_ATTEMPTS} tries`);
  });

  it('shows a reason it does not know as it was kept, so nothing is hidden', () => {
    expect(gradingFailureText(id, 'Penilaian gagal: lama')).toBe('Penilaian gagal: lama');
    expect(gradingFailureText(id, 'constructor')).toBe('constructor');
  });
});
