import { createTestApp, TestApp } from '../../libs/testing';
import { DEMO_PEOPLE } from '../../src/demo/demo-data';
import { DemoSeeder } from '../../src/demo/demo-seeder';

describe('the demo data of a first start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads the region tree, units and a person of every role whose printed login works', async () => {
    const seeded = await t.get(DemoSeeder).seedIfEmpty('demo-password-for-test');
    expect(seeded?.logins).toHaveLength(DEMO_PEOPLE.length);
    expect(new Set(seeded!.logins.map((l) => l.role))).toEqual(
      new Set(['learner', 'supervisor', 'instructor', 'unit_admin', 'national_admin']),
    );

    const national = await t.bearer('nasional@demo.bina.id', 'demo-password-for-test');
    const regions = await t.http().get('/api/regions').set('authorization', national);
    const tree = Object.fromEntries(
      regions.body.map((r: { code: string; parentCode: string | null; name: string }) => [r.code, r]),
    );
    expect(tree['36.74']).toMatchObject({ name: 'Kota Tangerang Selatan', parentCode: '36' });
    expect(tree['12.71.08']).toMatchObject({ name: 'Kecamatan Medan Belawan', parentCode: '12.71' });
    expect(tree['12.71']).toMatchObject({ name: 'Kota Medan', parentCode: '12' });
    expect(tree['75.71']).toMatchObject({ name: 'Kota Gorontalo', parentCode: '75' });

    for (const login of seeded!.logins) {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ username: login.username, password: 'demo-password-for-test' });
      expect({ username: login.username, status: res.status, role: res.body.user?.role }).toEqual({
        username: login.username,
        status: 200,
        role: login.role,
      });
    }
  });

  it('is loaded once: a second start adds nothing', async () => {
    const before = await t
      .http()
      .get('/api/users?pageSize=100')
      .set('authorization', await t.bearer('nasional@demo.bina.id', 'demo-password-for-test'));
    await t.get(DemoSeeder).seedIfEmpty('another-password');
    const after = await t
      .http()
      .get('/api/users?pageSize=100')
      .set('authorization', await t.bearer('nasional@demo.bina.id', 'demo-password-for-test'));
    expect(after.body.total).toBe(before.body.total);
  });

  it('scopes the Medan unit admin to Kota Medan and Medan Belawan', async () => {
    const medan = await t.bearer('admin.medan@demo.bina.id', 'demo-password-for-test');
    const res = await t.http().get('/api/users?pageSize=100').set('authorization', medan);
    expect(res.body.items.map((u: { name: string }) => u.name).sort()).toEqual([
      'Admin BKPSDM Kota Medan',
      'Budi Santoso',
    ]);
  });

  it('offers published courses: Medan learners also see the Medan-only approval course', async () => {
    const titles = async (username: string) => {
      const auth = await t.bearer(username, 'demo-password-for-test');
      const res = await t.http().get('/api/learning/catalogue').set('authorization', auth);
      return res.body.items.map((c: { title: string }) => c.title).sort();
    };
    expect(await titles('siti@demo.bina.id')).toEqual([
      'Pelayanan Publik Prima',
      'Perekat Bangsa: Wawasan Kebangsaan ASN',
    ]);
    expect(await titles('budi@demo.bina.id')).toEqual([
      'Kepemimpinan Pelayanan Kota Medan',
      'Pelayanan Publik Prima',
      'Perekat Bangsa: Wawasan Kebangsaan ASN',
    ]);
  });
});
