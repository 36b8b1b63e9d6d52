import { canonicalize } from './jcs';

const double = (bits: string) => Buffer.from(bits, 'hex').readDoubleBE(0);

describe('canonicalize (RFC 8785)', () => {
  // Appendix B: IEEE 754 bit patterns and the text JCS requires for each.
  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('writes the double 0x%s as %s', (bits, text) => {
    expect(canonicalize(double(bits))).toBe(text);
  });

  it.each([
    ['7fffffffffffffff', 'NaN'],
    ['7ff0000000000000', 'Infinity'],
    ['fff0000000000000', '-Infinity'],
  ])('refuses the double 0x%s (%s), which JSON cannot hold', (bits) => {
    expect(() => canonicalize(double(bits))).toThrow('not a JSON number');
  });

  it('writes the example of section 3.2.2 exactly', () => {
    const input =
      '{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n' +
      '  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n' +
      '  "literals": [null, true, false]\n}';
    const expected =
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
      '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}';
    const canonical = canonicalize(JSON.parse(input));
    expect(canonical).toBe(expected);
    // Section 3.2.4: the UTF-8 bytes, as the RFC prints them.
    const rfcBytes = `
      7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72
      75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a
      5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31
      65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37
      5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30
      30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d`;
    expect(Buffer.from(canonical).toString('hex')).toBe(rfcBytes.replace(/\s+/g, ''));
  });

  it('sorts object keys by UTF-16 code units (section 3.2.3)', () => {
    const input =
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",' +
      ' "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",' +
      ' "\\u00f6": "Latin Small Letter O With Diaeresis"}';
    // Read the order from the text: JSON.parse would put the integer-like key "1" first again.
    const order = [...canonicalize(JSON.parse(input)).matchAll(/:"([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it.each<[string, unknown, string]>([
    ['an empty object', {}, '{}'],
    ['an empty array', [], '[]'],
    [
      'nested values without whitespace',
      { b: [1, { d: 'x', c: null }], a: true },
      '{"a":true,"b":[1,{"c":null,"d":"x"}]}',
    ],
    ['control characters as lower-case escapes', '\u0001\u001f\b\t\n\f\r', '"\\u0001\\u001f\\b\\t\\n\\f\\r"'],
    ['non-ASCII as it is', 'Tangerang Selatan — Sertifikat ✓ 😀', '"Tangerang Selatan — Sertifikat ✓ 😀"'],
    ['a solidus unescaped', 'a/b', '"a/b"'],
    ['minus zero as 0', -0, '0'],
    ['an object without a prototype', Object.assign(Object.create(null), { b: 1, a: 2 }), '{"a":2,"b":1}'],
    ['an object from another realm', structuredClone({ b: [{ d: 1 }], a: 'x' }), '{"a":"x","b":[{"d":1}]}'],
  ])('writes %s', (_, value, text) => {
    expect(canonicalize(value)).toBe(text);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['a function', () => 1],
    ['a bigint', BigInt(1)],
    ['a symbol', Symbol('x')],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    [
      'a class instance',
      new (class Point {
        x = 1;
      })(),
    ],
    ['undefined inside an object', { a: undefined }],
    ['a lone high surrogate', '\ud83d'],
    ['a lone low surrogate', 'x\ude00y'],
    ['a lone surrogate as a key', { '\ud800': 1 }],
  ])('refuses %s', (_, value) => {
    expect(() => canonicalize(value)).toThrow(TypeError);
  });
});
