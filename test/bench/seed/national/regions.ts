/**
 * Indonesia's 38 provinces with their Kemendagri codes and names (Permendagri 100.1.1-6117/2022,
 * after the Papua split), how many kabupaten and kota each has (416 + 98 = 514), and a weight
 * for its share of the ASN (roughly BKN's counts in thousands; DKI includes central agencies).
 * Kabupaten get codes P.01, P.02, ...; kota P.71, P.72, ... as Kemendagri numbers them. Names
 * are real where listed in KNOWN_NAMES and generated ("Kabupaten Aceh 07") otherwise.
 */
export interface Province {
  code: string;
  name: string;
  kabupaten: number;
  kota: number;
  asnWeight: number;
}

export const PROVINCES: readonly Province[] = [
  { code: '11', name: 'Aceh', kabupaten: 18, kota: 5, asnWeight: 150 },
  { code: '12', name: 'Sumatera Utara', kabupaten: 25, kota: 8, asnWeight: 300 },
  { code: '13', name: 'Sumatera Barat', kabupaten: 12, kota: 7, asnWeight: 130 },
  { code: '14', name: 'Riau', kabupaten: 10, kota: 2, asnWeight: 120 },
  { code: '15', name: 'Jambi', kabupaten: 9, kota: 2, asnWeight: 80 },
  { code: '16', name: 'Sumatera Selatan', kabupaten: 13, kota: 4, asnWeight: 150 },
  { code: '17', name: 'Bengkulu', kabupaten: 9, kota: 1, asnWeight: 55 },
  { code: '18', name: 'Lampung', kabupaten: 13, kota: 2, asnWeight: 140 },
  { code: '19', name: 'Kepulauan Bangka Belitung', kabupaten: 6, kota: 1, asnWeight: 35 },
  { code: '21', name: 'Kepulauan Riau', kabupaten: 5, kota: 2, asnWeight: 45 },
  { code: '31', name: 'DKI Jakarta', kabupaten: 1, kota: 5, asnWeight: 450 },
  { code: '32', name: 'Jawa Barat', kabupaten: 18, kota: 9, asnWeight: 520 },
  { code: '33', name: 'Jawa Tengah', kabupaten: 29, kota: 6, asnWeight: 500 },
  { code: '34', name: 'DI Yogyakarta', kabupaten: 4, kota: 1, asnWeight: 70 },
  { code: '35', name: 'Jawa Timur', kabupaten: 29, kota: 9, asnWeight: 560 },
  { code: '36', name: 'Banten', kabupaten: 4, kota: 4, asnWeight: 130 },
  { code: '51', name: 'Bali', kabupaten: 8, kota: 1, asnWeight: 90 },
  { code: '52', name: 'Nusa Tenggara Barat', kabupaten: 8, kota: 2, asnWeight: 100 },
  { code: '53', name: 'Nusa Tenggara Timur', kabupaten: 21, kota: 1, asnWeight: 130 },
  { code: '61', name: 'Kalimantan Barat', kabupaten: 12, kota: 2, asnWeight: 100 },
  { code: '62', name: 'Kalimantan Tengah', kabupaten: 13, kota: 1, asnWeight: 70 },
  { code: '63', name: 'Kalimantan Selatan', kabupaten: 11, kota: 2, asnWeight: 85 },
  { code: '64', name: 'Kalimantan Timur', kabupaten: 7, kota: 3, asnWeight: 80 },
  { code: '65', name: 'Kalimantan Utara', kabupaten: 4, kota: 1, asnWeight: 25 },
  { code: '71', name: 'Sulawesi Utara', kabupaten: 11, kota: 4, asnWeight: 75 },
  { code: '72', name: 'Sulawesi Tengah', kabupaten: 12, kota: 1, asnWeight: 80 },
  { code: '73', name: 'Sulawesi Selatan', kabupaten: 21, kota: 3, asnWeight: 230 },
  { code: '74', name: 'Sulawesi Tenggara', kabupaten: 15, kota: 2, asnWeight: 85 },
  { code: '75', name: 'Gorontalo', kabupaten: 5, kota: 1, asnWeight: 35 },
  { code: '76', name: 'Sulawesi Barat', kabupaten: 6, kota: 0, asnWeight: 30 },
  { code: '81', name: 'Maluku', kabupaten: 9, kota: 2, asnWeight: 60 },
  { code: '82', name: 'Maluku Utara', kabupaten: 8, kota: 2, asnWeight: 45 },
  { code: '91', name: 'Papua', kabupaten: 8, kota: 1, asnWeight: 40 },
  { code: '92', name: 'Papua Barat', kabupaten: 7, kota: 0, asnWeight: 25 },
  { code: '93', name: 'Papua Selatan', kabupaten: 4, kota: 0, asnWeight: 20 },
  { code: '94', name: 'Papua Tengah', kabupaten: 8, kota: 0, asnWeight: 25 },
  { code: '95', name: 'Papua Pegunungan', kabupaten: 8, kota: 0, asnWeight: 20 },
  { code: '96', name: 'Papua Barat Daya', kabupaten: 5, kota: 1, asnWeight: 20 },
];

/** Real names of some kabupaten/kota (the big cities and the demo's regions). */
const KNOWN_NAMES: Record<string, string> = {
  '12.71': 'Kota Medan',
  '12.72': 'Kota Pematangsiantar',
  '12.73': 'Kota Sibolga',
  '12.74': 'Kota Tanjungbalai',
  '12.75': 'Kota Binjai',
  '12.76': 'Kota Tebing Tinggi',
  '12.77': 'Kota Padangsidimpuan',
  '12.78': 'Kota Gunungsitoli',
  '31.01': 'Kabupaten Administrasi Kepulauan Seribu',
  '31.71': 'Kota Administrasi Jakarta Pusat',
  '31.72': 'Kota Administrasi Jakarta Utara',
  '31.73': 'Kota Administrasi Jakarta Barat',
  '31.74': 'Kota Administrasi Jakarta Selatan',
  '31.75': 'Kota Administrasi Jakarta Timur',
  '32.71': 'Kota Bogor',
  '32.72': 'Kota Sukabumi',
  '32.73': 'Kota Bandung',
  '32.74': 'Kota Cirebon',
  '32.75': 'Kota Bekasi',
  '32.76': 'Kota Depok',
  '32.77': 'Kota Cimahi',
  '32.78': 'Kota Tasikmalaya',
  '32.79': 'Kota Banjar',
  '33.71': 'Kota Magelang',
  '33.72': 'Kota Surakarta',
  '33.73': 'Kota Salatiga',
  '33.74': 'Kota Semarang',
  '33.75': 'Kota Pekalongan',
  '33.76': 'Kota Tegal',
  '34.01': 'Kabupaten Kulon Progo',
  '34.02': 'Kabupaten Bantul',
  '34.03': 'Kabupaten Gunungkidul',
  '34.04': 'Kabupaten Sleman',
  '34.71': 'Kota Yogyakarta',
  '35.71': 'Kota Kediri',
  '35.72': 'Kota Blitar',
  '35.73': 'Kota Malang',
  '35.74': 'Kota Probolinggo',
  '35.75': 'Kota Pasuruan',
  '35.76': 'Kota Mojokerto',
  '35.77': 'Kota Madiun',
  '35.78': 'Kota Surabaya',
  '35.79': 'Kota Batu',
  '36.01': 'Kabupaten Pandeglang',
  '36.02': 'Kabupaten Lebak',
  '36.03': 'Kabupaten Tangerang',
  '36.04': 'Kabupaten Serang',
  '36.71': 'Kota Tangerang',
  '36.72': 'Kota Cilegon',
  '36.73': 'Kota Serang',
  '36.74': 'Kota Tangerang Selatan',
  '51.71': 'Kota Denpasar',
  '75.71': 'Kota Gorontalo',
};

export interface Regency {
  code: string;
  name: string;
  level: 'regency' | 'city';
  provinceCode: string;
}

/** The 514 kabupaten/kota, province by province. */
export function regencies(): Regency[] {
  const out: Regency[] = [];
  for (const p of PROVINCES) {
    const add = (n: number, offset: number, level: Regency['level'], word: string) => {
      for (let i = 1; i <= n; i++) {
        const code = `${p.code}.${String(offset + i).padStart(2, '0')}`;
        out.push({ code, level, provinceCode: p.code, name: KNOWN_NAMES[code] ?? `${word} ${p.name} ${i}` });
      }
    };
    add(p.kabupaten, 0, 'regency', 'Kabupaten');
    add(p.kota, 70, 'city', 'Kota');
  }
  return out;
}

/** The provinces whose ASN are most numerous: more enrolments per person there too. */
export const BIG_PROVINCES: ReadonlySet<string> = new Set(['32', '35', '33', '31', '12']);
