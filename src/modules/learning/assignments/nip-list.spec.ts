import { nipsFromCsv } from './nip-list';

describe('NIPs from an uploaded list', () => {
  it.each([
    ['one per line', '199001012015031001\n198512312010122002\n', ['199001012015031001', '198512312010122002'], []],
    ['a header and columns', 'nip;nama\n199001012015031001;Budi\n', ['199001012015031001'], []],
    ['formatted with spaces', '19900101 201503 1 001\n', ['199001012015031001'], []],
    ['a BOM and CRLF', '\uFEFFNIP\r\n199001012015031001\r\n', ['199001012015031001'], []],
    ['duplicates once', '199001012015031001\n199001012015031001\n', ['199001012015031001'], []],
    ['a bad line is reported', 'NIP\n12345\n199001012015031001\n', ['199001012015031001'], [2]],
  ])('%s', (_name, text, nips, unreadable) => {
    expect(nipsFromCsv(text)).toEqual({ nips, unreadableLines: unreadable });
  });
});
