import { OutboxRelay } from '../../libs/queue';
import { createTestApp } from '../../libs/testing';

describe('shutting down', () => {
  it('stops relaying and running jobs before the database closes', async () => {
    const t = await createTestApp();
    const order: string[] = [];
    const relay = t.get(OutboxRelay);
    const stop = relay.stop.bind(relay);
    jest.spyOn(relay, 'stop').mockImplementation(async () => {
      order.push('relay stopped');
      await stop();
    });
    const destroy = t.dataSource.destroy.bind(t.dataSource);
    jest.spyOn(t.dataSource, 'destroy').mockImplementation(async () => {
      order.push('database closed');
      await destroy();
    });
    // A pass in flight while the app closes (SIGTERM on a deploy) must finish on an open database.
    relay.kick();
    await t.close();
    expect(order).toEqual(['relay stopped', 'database closed']);
  });
});
