import type { Role } from '../../libs/auth';

/** Kemendagri codes for the demo regions (province → kota → kecamatan). */
export const DEMO_REGIONS = [
  { code: '36', name: 'Banten', level: 'province', parentCode: null },
  { code: '36.74', name: 'Kota Tangerang Selatan', level: 'city', parentCode: '36' },
  { code: '12', name: 'Sumatera Utara', level: 'province', parentCode: null },
  { code: '12.71', name: 'Kota Medan', level: 'city', parentCode: '12' },
  { code: '12.71.08', name: 'Kecamatan Medan Belawan', level: 'district', parentCode: '12.71' },
  { code: '75', name: 'Gorontalo', level: 'province', parentCode: null },
  { code: '75.71', name: 'Kota Gorontalo', level: 'city', parentCode: '75' },
] as const;

export const DEMO_UNITS = [
  { code: 'BPSDM-36', name: 'BPSDM Provinsi Banten', kind: 'training_unit', regionCode: '36' },
  { code: 'BKPSDM-3674', name: 'BKPSDM Kota Tangerang Selatan', kind: 'training_unit', regionCode: '36.74' },
  { code: 'DINKES-3674', name: 'Dinas Kesehatan Kota Tangerang Selatan', kind: 'agency', regionCode: '36.74' },
  { code: 'BKPSDM-1271', name: 'BKPSDM Kota Medan', kind: 'training_unit', regionCode: '12.71' },
  { code: 'KEC-127108', name: 'Kantor Kecamatan Medan Belawan', kind: 'agency', regionCode: '12.71.08' },
  { code: 'BKPSDM-7571', name: 'BKPSDM Kota Gorontalo', kind: 'training_unit', regionCode: '75.71' },
  {
    code: 'DUKCAPIL-7571',
    name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Gorontalo',
    kind: 'agency',
    regionCode: '75.71',
  },
] as const;

export const DEMO_POSITIONS = [
  { code: 'JF-ANALIS-SDM-AP', name: 'Analis SDM Aparatur Ahli Pertama', kind: 'functional' },
  { code: 'JS-KASI-PELAYANAN', name: 'Kepala Seksi Pelayanan', kind: 'structural' },
  { code: 'JP-PENGADM-UMUM', name: 'Pengadministrasi Umum', kind: 'executor' },
  { code: 'JF-WIDYAISWARA-AM', name: 'Widyaiswara Ahli Muda', kind: 'functional' },
] as const;

/**
 * Job standards of the demo positions (PermenPANRB 38/2017 managerial and socio-cultural
 * competencies), so that a needs analysis of the demo people shows real gaps.
 */
export const DEMO_STANDARDS: Record<string, Array<{ competencyCode: string; requiredLevel: number }>> = {
  'JF-ANALIS-SDM-AP': [
    { competencyCode: 'M.01', requiredLevel: 2 },
    { competencyCode: 'M.03', requiredLevel: 2 },
    { competencyCode: 'M.05', requiredLevel: 2 },
    { competencyCode: 'M.06', requiredLevel: 2 },
    { competencyCode: 'S.01', requiredLevel: 2 },
  ],
  'JS-KASI-PELAYANAN': [
    { competencyCode: 'M.01', requiredLevel: 3 },
    { competencyCode: 'M.02', requiredLevel: 3 },
    { competencyCode: 'M.05', requiredLevel: 3 },
    { competencyCode: 'M.08', requiredLevel: 3 },
    { competencyCode: 'S.01', requiredLevel: 3 },
  ],
  'JP-PENGADM-UMUM': [
    { competencyCode: 'M.01', requiredLevel: 1 },
    { competencyCode: 'M.05', requiredLevel: 2 },
    { competencyCode: 'S.01', requiredLevel: 1 },
  ],
};

export interface DemoPerson {
  key: string;
  name: string;
  role: Role;
  email: string;
  nip?: string;
  unitCode?: string;
  positionCode?: string;
  golongan?: string;
  scopeRegionCode?: string;
  supervisorKey?: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'national', name: 'Admin Nasional LAN', role: 'national_admin', email: 'nasional@demo.bina.id' },
  {
    key: 'tangsel-admin',
    name: 'Admin BKPSDM Tangerang Selatan',
    role: 'unit_admin',
    email: 'admin.tangsel@demo.bina.id',
    unitCode: 'BKPSDM-3674',
    scopeRegionCode: '36.74',
  },
  {
    key: 'medan-admin',
    name: 'Admin BKPSDM Kota Medan',
    role: 'unit_admin',
    email: 'admin.medan@demo.bina.id',
    unitCode: 'BKPSDM-1271',
    scopeRegionCode: '12.71',
  },
  {
    key: 'gorontalo-admin',
    name: 'Admin BKPSDM Kota Gorontalo',
    role: 'unit_admin',
    email: 'admin.gorontalo@demo.bina.id',
    unitCode: 'BKPSDM-7571',
    scopeRegionCode: '75.71',
  },
  {
    key: 'instructor',
    name: 'Dr. Hendra Wijaya (Widyaiswara)',
    role: 'instructor',
    email: 'widyaiswara@demo.bina.id',
    nip: '197503142000031002',
    unitCode: 'BPSDM-36',
    positionCode: 'JF-WIDYAISWARA-AM',
    golongan: 'IV/a',
  },
  {
    key: 'supervisor',
    name: 'Rina Marlina, S.E.',
    role: 'supervisor',
    email: 'rina.kasi@demo.bina.id',
    nip: '198203112006042003',
    unitCode: 'DINKES-3674',
    positionCode: 'JS-KASI-PELAYANAN',
    golongan: 'III/d',
  },
  {
    key: 'learner-tangsel',
    name: 'Siti Rahmawati, S.Kom.',
    role: 'learner',
    email: 'siti@demo.bina.id',
    nip: '198609262015052001',
    unitCode: 'DINKES-3674',
    positionCode: 'JF-ANALIS-SDM-AP',
    golongan: 'III/b',
    supervisorKey: 'supervisor',
  },
  {
    key: 'learner-medan',
    name: 'Budi Santoso',
    role: 'learner',
    email: 'budi@demo.bina.id',
    nip: '199001152019031004',
    unitCode: 'KEC-127108',
    positionCode: 'JP-PENGADM-UMUM',
    golongan: 'II/c',
  },
  {
    key: 'learner-gorontalo',
    name: 'Fitri Hulawa',
    role: 'learner',
    email: 'fitri@demo.bina.id',
    nip: '199207302020122005',
    unitCode: 'DUKCAPIL-7571',
    positionCode: 'JF-ANALIS-SDM-AP',
    golongan: 'III/a',
  },
];

/**
 * The published certificate template of the unit whose instructor authors the demo courses
 * (certificates are issued by the course's owning unit). Fictional official, valid NIP shape.
 */
export const DEMO_CERTIFICATE_TEMPLATE = {
  unitCode: 'BPSDM-36',
  heading: 'SERTIFIKAT',
  blocks: [
    'Diberikan kepada',
    '{nama}',
    'NIP {nip}',
    'yang telah menyelesaikan pelatihan daring',
    '{kursus}',
    'pada tanggal {tanggal}[ dengan beban belajar {jp}][ untuk pengembangan kompetensi {kompetensi}].',
  ],
  show: { nip: true, competencies: true, jp: true, qr: true, serial: true },
  signatories: [
    {
      name: 'Dr. H. Ahmad Syaukani, S.Sos., M.Si.',
      nip: '197003121995031001',
      position: 'Kepala BPSDM Provinsi Banten',
    },
  ],
} as const;
