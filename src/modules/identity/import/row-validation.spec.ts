import { ImportRow } from './import-file';
import { RowContext, validateRow } from './row-validation';

const ctx: RowContext = {
  now: new Date('2026-11-22T00:00:00Z'),
  unitsByCode: new Map([
    ['DINKES-3674', { id: 'u-tangsel', regionCode: '36.74' }],
    ['DUKCAPIL-7571', { id: 'u-gorontalo', regionCode: '75.71' }],
  ]),
  positionsByCode: new Map([['JF-ANALIS', { id: 'p-analis' }]]),
  inScope: (code) => code.startsWith('36.74'),
};

const row = (values: ImportRow['values']): ImportRow => ({
  line: 7,
  values: { nip: '198609262015051001', name: 'Siti', employeeType: 'PNS', unitCode: 'DINKES-3674', ...values },
});

describe('checking one import row', () => {
  it('resolves a good row into a record', () => {
    expect(validateRow(row({ golongan: 'iii/b', positionCode: 'JF-ANALIS', email: 'Siti@X.go.id' }), ctx)).toEqual({
      record: {
        line: 7,
        nip: '198609262015051001',
        name: 'Siti',
        email: 'siti@x.go.id',
        phone: null,
        employeeType: 'PNS',
        golongan: 'III/b',
        positionId: 'p-analis',
        unitId: 'u-tangsel',
        regionCode: '36.74',
        supervisorNip: null,
      },
    });
  });

  it.each([
    [{ nip: '' }, 'nip', 'NIP is required'],
    [{ nip: '198613262015051001' }, 'nip', 'valid birth date'],
    [{ nip: '198609262015053001' }, 'nip', 'digit 15'],
    [{ name: '' }, 'nama', 'nama is required'],
    [{ email: 'bukan-email' }, 'email', 'not a valid e-mail'],
    [{ phone: 'abc' }, 'telepon', 'telepon may hold digits'],
    [{ employeeType: 'Honorer' }, 'jenis_pegawai', 'not PNS or PPPK'],
    [{ golongan: 'IX' }, 'golongan', 'not a PNS grade'],
    [{ positionCode: 'NOPE' }, 'kode_jabatan', 'no position has the code NOPE'],
    [{ unitCode: 'NOPE' }, 'kode_unit', 'no unit has the code NOPE'],
    [{ unitCode: 'DUKCAPIL-7571' }, 'kode_unit', 'outside your region'],
    [{ supervisorNip: '123' }, 'nip_atasan', 'exactly 18 digits'],
    [{ supervisorNip: '198609262015051001' }, 'nip_atasan', 'own supervisor'],
  ])('reports %j in column %s', (values, column, reason) => {
    const result = validateRow(row(values), ctx);
    expect(result).toEqual({
      problems: [expect.objectContaining({ line: 7, column, reason: expect.stringContaining(reason) })],
    });
  });

  it('reports every problem of a row, not only the first', () => {
    const result = validateRow(row({ nip: '1', name: '', unitCode: 'NOPE' }), ctx);
    expect('problems' in result && result.problems.map((p) => p.column)).toEqual(['nip', 'nama', 'kode_unit']);
  });
});
