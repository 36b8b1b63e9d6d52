import { formatScore, formatters } from './format';

describe('formatScore', () => {
  it.each<[number, string, string]>([
    [69.96, '69,96', '69.96'],
    [0.25, '0,25', '0.25'],
    [0.29, '0,29', '0.29'],
    [66.67, '66,67', '66.67'],
    [99.995, '99,99', '99.99'],
    [69.999, '69,99', '69.99'],
    [100, '100', '100'],
    [2.5, '2,5', '2.5'],
    [0, '0', '0'],
    [1234.5, '1.234,5', '1,234.5'],
  ])('shows %p as %p (id) and %p (en), never rounded up', (value, id, en) => {
    expect(formatScore(value, 'id')).toBe(id);
    expect(formatScore(value, 'en')).toBe(en);
  });

  it('is it.fmt.score in templates', () => {
    expect(formatters('id').score(69.96)).toBe('69,96');
  });
});
