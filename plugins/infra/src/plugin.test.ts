import { infraPlugin } from './plugin';

describe('infra', () => {
  it('should export plugin', () => {
    expect(infraPlugin).toBeDefined();
  });
});
