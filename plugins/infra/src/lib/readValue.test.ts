import { parseCount, readAnnotationValue, readDetailValue } from './readValue';

describe('readAnnotationValue', () => {
  it('keeps the expression of an unresolved value', () => {
    expect(readAnnotationValue('unresolved: var.replicas', parseCount)).toEqual(
      {
        state: 'unresolved',
        expression: 'var.replicas',
      },
    );
  });

  it('tells missing, invalid and known apart', () => {
    expect(readAnnotationValue(undefined, parseCount)).toEqual({
      state: 'missing',
    });
    expect(readAnnotationValue('three', parseCount)).toEqual({
      state: 'invalid',
      raw: 'three',
    });
    expect(readAnnotationValue('3', parseCount)).toEqual({
      state: 'known',
      value: 3,
    });
  });
});

describe('readDetailValue', () => {
  it('reads the { unresolved } marker', () => {
    expect(readDetailValue({ unresolved: 'local.size' }, parseCount)).toEqual({
      state: 'unresolved',
      expression: 'local.size',
    });
  });

  it('keeps the reason the provider gives', () => {
    expect(
      readDetailValue(
        { unresolved: 'var.db_host', reason: 'encrypted' },
        parseCount,
      ),
    ).toEqual({
      state: 'unresolved',
      expression: 'var.db_host',
      reason: 'encrypted',
    });
  });

  it('reports a value of the wrong shape as invalid', () => {
    expect(readDetailValue({ size: 3 }, parseCount)).toEqual({
      state: 'invalid',
      raw: '{"size":3}',
    });
  });
});
