import { DataSource } from 'typeorm';
import { dataSourceOptions, migrate, schemaDrift, widenLongText } from '../../libs/database';
import { prepareTestEnvironment, TestEnvironment } from '../../libs/testing';
import { MIGRATIONS } from '../../migrations';
import { ALL_ENTITIES } from '../../src/entities';

describe('the migrated schema', () => {
  let environment: TestEnvironment;
  let dataSource: DataSource;

  beforeAll(async () => {
    environment = await prepareTestEnvironment();
    dataSource = widenLongText(
      await new DataSource(dataSourceOptions(environment.config.database, ALL_ENTITIES, MIGRATIONS)).initialize(),
    );
  });
  afterAll(async () => {
    await dataSource.destroy();
    await environment.cleanup();
  });

  it('applies every migration on an empty database', async () => {
    const applied = await migrate(dataSource);
    expect(applied).toEqual(MIGRATIONS.map((m) => new m().name));
  });

  it('agrees with the entities: nothing left for the schema builder to change (no drift)', async () => {
    expect(await schemaDrift(dataSource)).toEqual([]);
  });

  it('is idempotent: a second run applies nothing', async () => {
    expect(await migrate(dataSource)).toEqual([]);
  });

  it('rolls back and forward again cleanly', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    expect(await migrate(dataSource)).toHaveLength(MIGRATIONS.length);
    expect(await schemaDrift(dataSource)).toEqual([]);
  });
});
