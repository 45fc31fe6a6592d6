import { rolloutStatusPlugin } from './plugin';

describe('rollout-status', () => {
  it('should export plugin', () => {
    expect(rolloutStatusPlugin).toBeDefined();
  });
});
