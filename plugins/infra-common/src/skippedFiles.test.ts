import { describeSkipReason } from './skippedFiles';

describe('describeSkipReason', () => {
  it('says a skipped file was not read, and why', () => {
    expect(describeSkipReason('encrypted')).toBe('encrypted, not read');
    expect(describeSkipReason('too-large')).toBe('too large, not read');
    expect(describeSkipReason('cosmic-rays')).toBe('not read (cosmic-rays)');
    expect(describeSkipReason('constructor')).toBe('not read (constructor)');
  });
});
