import { newId } from './ids';
import { Test } from '@nestjs/testing';

describe('newId', () => {
  it('gives a different uuid each call', async () => {
    await Test.createTestingModule({}).compile();
    expect(newId()).not.toEqual(newId());
    expect(newId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
