import { TransactionRunner } from '../../libs/database';
import { createTestApp, givenRegions, givenUnit, givenUser, TestApp, usesMysql } from '../../libs/testing';
import { IdentityApi } from '../../src/modules/identity/identity.api';
import { User } from '../../src/modules/identity/entities';

/** The app's pool on MySQL (libs/database/data-source-options.ts). */
const POOL = 20;

/** Fails instead of hanging: a pool that waits for itself never answers. */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done after ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * A module reads through another module's facade while its transaction is open (a person
 * created announces it; monitoring looks up the person's facts). On MySQL each transaction
 * holds a pooled connection: had that read taken a second one, as many such transactions at
 * once as the pool has connections would each wait for a free connection, for ever.
 */
(usesMysql() ? describe : describe.skip)('reads made inside a transaction (MySQL pool)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ APP_ROLE: 'api' });
    await givenRegions(t);
  });
  afterAll(() => t.close());

  it('finish when more transactions than the pool has connections read through another module at once', async () => {
    const person = await givenUser(t);
    const identity = t.get(IdentityApi);
    const tx = t.get(TransactionRunner);
    const count = POOL + 5;
    let entered = 0;
    let allIn: () => void = () => undefined;
    const everyoneIn = new Promise<void>((resolve) => (allIn = resolve));
    const facts = await within(
      20_000,
      'transactions reading through IdentityApi',
      Promise.all(
        Array.from({ length: count }, () =>
          tx.run(async (m) => {
            await m.query('SELECT 1');
            if (++entered === POOL) allIn();
            // Every connection of the pool is held by one of these before any reads on.
            await Promise.race([everyoneIn, new Promise((r) => setTimeout(r, 1000))]);
            return identity.factsOf([person.user.id]);
          }),
        ),
      ),
    );
    expect(facts.map((f) => f[0]?.id)).toEqual(Array(count).fill(person.user.id));
  });

  it("lets the read see the transaction's own writes, and leaves nothing written when it rolls back", async () => {
    const person = await givenUser(t);
    const identity = t.get(IdentityApi);
    const seen = await t
      .get(TransactionRunner)
      .run(async (m) => {
        await m.update(User, { id: person.user.id }, { name: 'Nama Sementara' });
        const names = await identity.namesOf([person.user.id]);
        throw Object.assign(new Error('rolled back'), { names });
      })
      .catch((err: Error & { names: Map<string, { name: string }> }) => err.names);
    expect(seen.get(person.user.id)?.name).toBe('Nama Sementara');
    expect((await identity.namesOf([person.user.id])).get(person.user.id)?.name).not.toBe('Nama Sementara');
  });

  it('creates as many people at once as an HR import of a unit would, without the pool waiting for itself', async () => {
    const unit = await givenUnit(t, '75.71');
    const identity = t.get(IdentityApi);
    const people = await within(
      60_000,
      'creating people at once',
      Promise.all(
        Array.from({ length: POOL * 2 }, (_, i) =>
          identity.provisionAccount({
            name: `ASN Impor ${i}`,
            role: 'learner',
            password: 'kata-sandi-uji-yang-panjang',
            email: `impor${i}@uji.bina.id`,
            nip: null,
            employeeType: 'PNS',
            golongan: 'III/a',
            unitId: unit.id,
          }),
        ),
      ),
    );
    expect(await t.dataSource.getRepository(User).countBy({ unitId: unit.id })).toBe(people.length);
  });
});
