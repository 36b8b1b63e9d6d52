import { mappingFor, parseCodes, themeKey } from './theme-mapping';

describe('which theme mapping applies to a unit', () => {
  const national = { scopeKey: '', competencyCodes: ['M.05'] };
  const sumut = { scopeKey: '12', competencyCodes: ['M.03'] };
  const medan = { scopeKey: '12.71', competencyCodes: ['M.01'] };
  it.each([
    ['the nearest region above wins', '12.71.08', [national, sumut, medan], medan],
    ['the province when the city has none', '12.75', [national, sumut, medan], sumut],
    ['the national one elsewhere', '75.71', [national, sumut, medan], national],
    ['none when nobody set one for that region', '75.71', [sumut, medan], null],
    ['a unit without region only gets the national one', null, [sumut, national], national],
    ['a sibling prefix is not a parent', '12.7', [medan], null],
  ])('%s', (_name, region, mappings, expected) => {
    expect(mappingFor(region, mappings)).toBe(expected);
  });
});

describe('theme keys and code lists', () => {
  it.each([
    ['  Petugas   tidak RAMAH ', 'petugas tidak ramah'],
    ['Antrean lama', 'antrean lama'],
  ])('%s is compared as %s', (text, key) => expect(themeKey(text)).toBe(key));

  it.each([
    ['M.05, m.03', ['M.05', 'M.03']],
    ['M.05;M.05 S.01', ['M.05', 'S.01']],
    ['', []],
  ])('%s lists %j', (text, codes) => expect(parseCodes(text)).toEqual(codes));
});
