import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { column } from '../libs/database/schema';

type Standard = [code: string, name: string, definition: string, levels: [string, string, string, string, string]];

/** The managerial competencies and Perekat Bangsa of PermenPANRB 38/2017, as shipped (editable afterwards). */
const STANDARD: Standard[] = [
  [
    'M.01',
    'Integritas',
    'Konsisten berperilaku selaras dengan nilai, norma dan/atau etika organisasi, jujur dalam hubungan dengan manajemen, rekan kerja, bawahan langsung dan pemangku kepentingan, menciptakan budaya etika tinggi, serta bertanggung jawab atas tindakan atau keputusan beserta risikonya.',
    [
      'Mampu bertindak sesuai nilai, norma, dan etika organisasi dalam kapasitas pribadi.',
      'Mampu mengingatkan dan mengajak rekan kerja untuk bertindak sesuai nilai, norma, dan etika organisasi.',
      'Mampu memastikan dan menanamkan keyakinan bersama agar anggota yang dipimpin bertindak sesuai nilai, norma, dan etika organisasi dalam lingkup formal.',
      'Mampu menciptakan situasi kerja yang membuat rekan kerja dan pihak lain bertindak sesuai nilai, norma, dan etika organisasi.',
      'Mampu menjadi teladan dalam penerapan standar keadilan dan etika di tingkat nasional.',
    ],
  ],
  [
    'M.02',
    'Kerjasama',
    'Kemampuan menjalin, membina, dan mempertahankan hubungan kerja yang efektif, berkomitmen saling membantu dalam penyelesaian tugas, dan mengoptimalkan sumber daya untuk mencapai tujuan strategis organisasi.',
    [
      'Berpartisipasi sebagai anggota tim yang baik.',
      'Menumbuhkan tim kerja yang partisipatif dan efektif.',
      'Efektif membangun tim kerja untuk peningkatan kinerja organisasi.',
      'Membangun komitmen dan sinergi tim.',
      'Menciptakan situasi kerja sama secara konsisten, di dalam maupun di luar instansi.',
    ],
  ],
  [
    'M.03',
    'Komunikasi',
    'Kemampuan menerangkan pandangan dan gagasan secara jelas, sistematis, dengan argumentasi yang logis, secara lisan maupun tertulis; mendengarkan dan memahami orang lain; serta menyampaikan informasi secara utuh dan efektif.',
    [
      'Menyampaikan informasi dengan jelas, lengkap, dan dengan pemahaman yang sama.',
      'Aktif berkomunikasi secara formal dan informal, mendengarkan orang lain, dan menyusun bahan presentasi, naskah, dan laporan.',
      'Berkomunikasi secara asertif dan terampil menyampaikan informasi yang sensitif, rumit, atau kompleks.',
      'Mengemukakan pemikiran multidimensi secara lisan dan tertulis untuk mendorong kesepakatan demi kinerja organisasi.',
      'Menggagas sistem komunikasi yang terbuka secara strategis untuk mencari solusi dan meningkatkan kinerja.',
    ],
  ],
  [
    'M.04',
    'Orientasi pada Hasil',
    'Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat diandalkan dan bertanggung jawab, serta secara sistematis mengidentifikasi risiko dan peluang dengan memperhatikan keterhubungan perencanaan dan hasil.',
    [
      'Bertanggung jawab untuk memenuhi standar kerja.',
      'Berupaya meningkatkan hasil kerja pribadi di atas standar dan mencoba metode alternatif.',
      'Menetapkan target kerja yang menantang bagi unit kerja serta memberi apresiasi dan teguran untuk mendorong kinerja.',
      'Mendorong unit kerja mencapai atau melampaui target yang ditetapkan.',
      'Menyusun kebijakan dengan target kinerja organisasi yang lebih tinggi.',
    ],
  ],
  [
    'M.05',
    'Pelayanan Publik',
    'Kemampuan melaksanakan tugas pemerintahan, pembangunan, dan pelayanan publik secara profesional, transparan, objektif, netral, tidak memihak, tidak diskriminatif, dan tidak terpengaruh kepentingan pribadi atau golongan.',
    [
      'Menjalankan pelayanan sesuai standar.',
      'Menyelia dan menjelaskan pelaksanaan tugas pelayanan publik secara transparan.',
      'Memanfaatkan kekuatan kelompok dan memperbaiki standar pelayanan publik di unit kerja.',
      'Memantau, mengevaluasi, dan mengantisipasi dampak isu jangka panjang terhadap pelayanan yang transparan, objektif, dan profesional.',
      'Memastikan kebijakan pelayanan publik yang objektif, netral, tidak memihak, dan tidak diskriminatif.',
    ],
  ],
  [
    'M.06',
    'Pengembangan Diri dan Orang Lain',
    'Kemampuan meningkatkan pengetahuan dan keterampilan diri, serta menginspirasi, membimbing, dan memberi umpan balik kepada orang lain untuk mengembangkan potensinya dan belajar sepanjang hayat.',
    [
      'Mengembangkan diri.',
      'Meningkatkan kemampuan bawahan dengan memberi contoh dan penjelasan cara melaksanakan pekerjaan.',
      'Memberikan umpan balik dan membimbing.',
      'Menyusun program pengembangan jangka panjang untuk mendorong manajemen pembelajaran.',
      'Menciptakan situasi yang mendorong organisasi belajar berkelanjutan demi pencapaian hasil.',
    ],
  ],
  [
    'M.07',
    'Mengelola Perubahan',
    'Kemampuan menyesuaikan diri dengan situasi baru atau berubah, tidak bergantung berlebihan pada cara lama, mendukung dan memimpin inisiatif perubahan, serta bertanggung jawab atas keberhasilannya.',
    [
      'Mengikuti perubahan dengan arahan.',
      'Proaktif beradaptasi mengikuti perubahan.',
      'Membantu orang lain mengikuti perubahan dan mengantisipasi perubahan secara tepat.',
      'Memimpin perubahan pada unit kerja.',
      'Memimpin, menggerakkan, dan mengevaluasi perubahan secara melembaga.',
    ],
  ],
  [
    'M.08',
    'Pengambilan Keputusan',
    'Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan, setelah mempertimbangkan prinsip kehati-hatian, informasi, alternatif, dan konsekuensinya, serta bertanggung jawab atas keputusan itu.',
    [
      'Mengumpulkan informasi untuk bertindak sesuai kewenangan.',
      'Menganalisis masalah secara mendalam.',
      'Membandingkan berbagai alternatif dan menyeimbangkan risiko keberhasilan implementasi.',
      'Menyelesaikan masalah berisiko tinggi, mengantisipasi dampak keputusan, dan memitigasi risiko.',
      'Mengambil keputusan strategis untuk permasalahan jangka panjang yang berdampak nasional.',
    ],
  ],
  [
    'S.01',
    'Perekat Bangsa',
    'Kemampuan mempromosikan toleransi, keterbukaan, dan kepekaan terhadap kemajemukan; menjadi perpanjangan tangan pemerintah dalam mempersatukan masyarakat; serta menjaga persatuan dan kesatuan bangsa.',
    [
      'Peka, memahami, dan menerima kemajemukan.',
      'Aktif mengembangkan sikap saling menghargai serta menekankan persamaan dan persatuan.',
      'Mempromosikan dan mengembangkan sikap toleransi dan persatuan.',
      'Mendayagunakan perbedaan secara konstruktif dan kreatif untuk efektivitas organisasi.',
      'Menjadi wakil pemerintah dalam membangun hubungan sosial psikologis dengan masyarakat.',
    ],
  ],
];

/** The competency dictionary (three pillars, levels 1-5) with the regulation's standard competencies. */
export class CompetencyDictionary1763900000000 implements MigrationInterface {
  name = 'CompetencyDictionary1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'competency',
        columns: [
          column.varchar('code', 20, { isPrimary: true }),
          column.varchar('pillar', 16),
          column.varchar('name', 150),
          column.text('definition'),
          column.ref('owner_unit_id', true),
          column.bool('active', true),
          column.datetime('created_at'),
          column.datetime('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_competency_pillar', columnNames: ['pillar', 'code'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'competency_level',
        columns: [
          column.varchar('competency_code', 20, { isPrimary: true }),
          column.int('level', { isPrimary: true }),
          column.text('description'),
          column.text('indicators'),
        ],
      }),
    );
    // Plain SQL with '?' placeholders reads the same on SQLite and MySQL; the timestamp is UTC text.
    const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
    for (const [code, name, definition, levels] of STANDARD) {
      const pillar = code.startsWith('M.') ? 'manajerial' : 'sosial_kultural';
      await q.query(
        'INSERT INTO competency (code, pillar, name, definition, owner_unit_id, active, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, 1, ?, ?)',
        [code, pillar, name, definition, now, now],
      );
      for (const [i, description] of levels.entries()) {
        await q.query(
          'INSERT INTO competency_level (competency_code, level, description, indicators) VALUES (?, ?, ?, ?)',
          [code, i + 1, description, description],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('competency_level');
    await q.dropTable('competency');
  }
}
