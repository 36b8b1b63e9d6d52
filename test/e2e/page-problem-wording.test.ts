import {
  asUser,
  browserAgent,
  BrowserAgent,
  createTestApp,
  csrfOf,
  givenRegions,
  givenUnit,
  givenUser,
  GivenUser,
  signInThroughPages,
  TestApp,
} from '../../libs/testing';

/**
 * Form problems on Indonesian pages read in Indonesian: a problem of the whole form (no
 * field) by the service's message, and a plan form's field problem by its label and rule,
 * never the API's field key with its English message.
 */
describe('form problems in the page’s language', () => {
  let t: TestApp;
  let unitId: string;
  let admin: GivenUser;

  beforeAll(async () => {
    t = await createTestApp();
    await givenRegions(t);
    unitId = (await givenUnit(t, '36.74')).id;
    admin = await givenUser(t, { role: 'unit_admin', scopeRegionCode: '36.74', unitId });
  });
  afterAll(() => t.close());

  async function signedIn(who: GivenUser): Promise<BrowserAgent> {
    const agent = browserAgent(t);
    expect((await signInThroughPages(agent, who.username, who.password)).status).toBe(303);
    return agent;
  }

  it('says in Indonesian that a pairing ended meanwhile cannot be ended again (a problem without a field)', async () => {
    const [mentor, mentee] = [await givenUser(t, { unitId }), await givenUser(t, { unitId })];
    const paired = await asUser(t, admin).post('/api/mentoring/pairings', {
      mentorNip: mentor.user.nipDisplay,
      menteeNips: [mentee.user.nipDisplay],
      competencyCode: 'M.06',
    });
    expect(paired.status).toBe(201);
    const id = paired.body.pairings[0].id as string;
    const pages = await signedIn(admin);
    const detail = await pages.get(`/admin/mentoring/${id}`);
    // Ended elsewhere (another tab, another admin) after this page was loaded.
    expect((await asUser(t, admin).post(`/api/mentoring/pairings/${id}/end`, { outcome: 'ended' })).status).toBe(200);
    const again = await pages
      .post(`/admin/mentoring/${id}/akhiri`)
      .type('form')
      .send({ _csrf: csrfOf(detail.text), outcome: 'ended' });
    expect(again.status).toBe(422);
    expect(again.text).toContain('Pasangan mentoring ini sudah berakhir.');
    expect(again.text).not.toContain('This pairing has already ended');
  });

  it('names a plan goal’s problem by the field’s label and the rule, in Indonesian', async () => {
    const asn = await signedIn(await givenUser(t, { unitId }));
    const start = await asn.get('/rencana');
    const created = await asn
      .post('/rencana')
      .type('form')
      .send({ _csrf: csrfOf(start.text) });
    expect(created.status).toBe(303);
    const plan = await asn.get(created.headers.location);
    const planId = /\/rencana\/([0-9a-f-]{36})/.exec(created.headers.location)![1];
    const version = /name="version" value="(\d+)"/.exec(plan.text)![1];
    const refused = await asn
      .post(`/rencana/${planId}/tujuan`)
      .type('form')
      .send({ _csrf: csrfOf(plan.text), version, competencyCode: 'M.99', targetLevel: '3', priority: 'medium' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Kompetensi tidak ada dalam kamus kompetensi.');
    expect(refused.text).not.toContain('competencyCode:');
    expect(refused.text).not.toContain('is not in the dictionary');
  });
});
