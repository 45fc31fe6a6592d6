import { Unresolved } from '@internal/backstage-plugin-infra-node';
import { annotationText, plain, text } from './values';

describe('model values in entities', () => {
  it('copies values for the details, unresolved ones as the contract marker', () => {
    const value = {
      host: new Unresolved('var.host', 'encrypted'),
      port: 80,
      paths: ['/a', new Unresolved('local.p')],
      skipped: undefined,
    };
    expect(plain(value)).toEqual({
      host: { unresolved: 'var.host', reason: 'encrypted' },
      port: 80,
      paths: ['/a', { unresolved: 'local.p' }],
    });
    expect(JSON.stringify(plain(value))).toBe(JSON.stringify(value));
    expect(plain(undefined)).toBeUndefined();
  });

  it('writes an unresolved value into annotations as unresolved, not as missing', () => {
    expect(annotationText(new Unresolved('var.replicas'))).toBe(
      'unresolved: var.replicas',
    );
    expect(annotationText(3)).toBe('3');
    expect(annotationText(undefined)).toBeUndefined();
    expect(text(new Unresolved('x'))).toBeUndefined();
    expect(text('a')).toBe('a');
  });
});
