import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { column } from '../libs/database/schema';

type Form = [
  code: string,
  name: string,
  category: 'klasikal' | 'nonklasikal',
  rule: 'programme' | 'per_day',
  perDay: number | null,
  perDayAbroad: number | null,
  bonus: number,
];

/** Forms of development of Peraturan LAN 10/2018 with the LAN JP conversion, as shipped (editable). */
const FORMS: Form[] = [
  ['pelatihan_struktural', 'Pelatihan struktural kepemimpinan', 'klasikal', 'programme', null, null, 20],
  ['pelatihan_manajerial', 'Pelatihan manajerial', 'klasikal', 'programme', null, null, 20],
  ['pelatihan_teknis', 'Pelatihan teknis', 'klasikal', 'programme', null, null, 20],
  ['pelatihan_fungsional', 'Pelatihan fungsional', 'klasikal', 'programme', null, null, 20],
  ['pelatihan_sosial_kultural', 'Pelatihan sosial kultural', 'klasikal', 'programme', null, null, 20],
  ['seminar', 'Seminar / konferensi / sarasehan', 'klasikal', 'per_day', 4, 6, 0],
  ['workshop', 'Workshop / lokakarya', 'klasikal', 'per_day', 5, 7, 0],
  ['kursus', 'Kursus', 'klasikal', 'programme', null, null, 0],
  ['penataran', 'Penataran', 'klasikal', 'programme', null, null, 0],
  ['bimtek', 'Bimbingan teknis', 'klasikal', 'programme', null, null, 0],
  ['sosialisasi', 'Sosialisasi', 'klasikal', 'programme', null, null, 0],
  ['coaching', 'Coaching', 'nonklasikal', 'programme', null, null, 0],
  ['mentoring', 'Mentoring', 'nonklasikal', 'programme', null, null, 0],
  ['e_learning', 'E-learning', 'nonklasikal', 'programme', null, null, 0],
  ['pelatihan_jarak_jauh', 'Pelatihan jarak jauh', 'nonklasikal', 'programme', null, null, 0],
  ['detasering', 'Detasering (secondment)', 'nonklasikal', 'programme', null, null, 0],
  ['pembelajaran_alam_terbuka', 'Pembelajaran alam terbuka (outbound)', 'nonklasikal', 'programme', null, null, 0],
  ['patok_banding', 'Patok banding (benchmarking)', 'nonklasikal', 'programme', null, null, 0],
  [
    'pertukaran_pegawai',
    'Pertukaran antara PNS dengan pegawai swasta/BUMN/BUMD',
    'nonklasikal',
    'programme',
    null,
    null,
    0,
  ],
  ['belajar_mandiri', 'Belajar mandiri (self-development)', 'nonklasikal', 'programme', null, null, 0],
  ['komunitas_belajar', 'Komunitas belajar (community of practices)', 'nonklasikal', 'programme', null, null, 0],
  ['bimbingan_di_tempat_kerja', 'Bimbingan di tempat kerja', 'nonklasikal', 'programme', null, null, 0],
  ['magang', 'Magang / praktik kerja', 'nonklasikal', 'programme', null, null, 0],
];

export class DevelopmentForms1764100000000 implements MigrationInterface {
  name = 'DevelopmentForms1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'development_form',
        columns: [
          column.varchar('code', 40, { isPrimary: true }),
          column.varchar('name', 150),
          column.varchar('category', 12),
          column.varchar('rule', 12),
          column.int('jp_per_day', { isNullable: true }),
          column.int('jp_per_day_international', { isNullable: true }),
          column.int('international_bonus_percent', { default: 0 }),
          column.bool('active', true),
        ],
      }),
    );
    for (const [code, name, category, rule, perDay, perDayAbroad, bonus] of FORMS) {
      await q.query(
        'INSERT INTO development_form (code, name, category, rule, jp_per_day, jp_per_day_international, international_bonus_percent, active) VALUES (?, ?, ?, ?, ?, ?, ?, 1)',
        [code, name, category, rule, perDay, perDayAbroad, bonus],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('development_form');
  }
}
