import { randomBytes } from 'node:crypto';
import { decodeBase58btc, encodeBase58btc } from './base58';

// Bitcoin Core's base58_encode_decode.json and the examples of draft-msporny-base58.
const vectors: Array<[string, string]> = [
  ['', ''],
  ['61', '2g'],
  ['626262', 'a3gV'],
  ['636363', 'aPEr'],
  ['73696d706c792061206c6f6e6720737472696e67', '2cFupjhnEsSn59qHXstmK2ffpLv2'],
  ['00eb15231dfceb60925886b67d065299925915aeb172c06647', '1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L'],
  ['516b6fcd0f', 'ABnLTmg'],
  ['bf4f89001e670274dd', '3SEo3LWLoPntC'],
  ['572e4794', '3EFU7m'],
  ['ecac89cad93923c02321', 'EJDM8drfXA6uyA'],
  ['10c8511e', 'Rt5zm'],
  ['00000000000000000000', '1111111111'],
  [Buffer.from('Hello World!').toString('hex'), '2NEpo7TZRRrLZSi2U'],
  [
    Buffer.from('The quick brown fox jumps over the lazy dog.').toString('hex'),
    'USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z',
  ],
  ['0000287fb4cd', '11233QC4'],
];

describe('base58btc', () => {
  it.each(vectors)('encodes 0x%s as %j', (hex, text) => {
    expect(encodeBase58btc(Buffer.from(hex, 'hex'))).toBe(text);
  });

  it.each(vectors)('decodes back to 0x%s from %j', (hex, text) => {
    expect(Buffer.from(decodeBase58btc(text)).toString('hex')).toBe(hex);
  });

  it('round-trips random bytes, leading zeros included', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = Buffer.concat([Buffer.alloc(i % 4), randomBytes(i % 70)]);
      expect(Buffer.from(decodeBase58btc(encodeBase58btc(bytes)))).toEqual(bytes);
    }
  });

  it.each(['0', 'O', 'I', 'l', 'abc+', 'z z', 'é'])('refuses %j, which is outside the alphabet', (text) => {
    expect(() => decodeBase58btc(text)).toThrow('Not base58btc');
  });
});
