import { parseInfraDetails, readInfraDetails } from './details';

describe('details annotation', () => {
  it('reads a details object, and says why it cannot read one', () => {
    expect(
      readInfraDetails(
        JSON.stringify({ kind: 'ingress', host: 'a.homelab.example' }),
      ),
    ).toEqual({
      state: 'parsed',
      details: { kind: 'ingress', host: 'a.homelab.example' },
    });
    expect(readInfraDetails(undefined)).toEqual({ state: 'missing' });
    expect(readInfraDetails('  ')).toEqual({ state: 'missing' });
    expect(readInfraDetails('{not json')).toEqual({
      state: 'invalid',
      reason: 'not valid JSON',
    });
    expect(readInfraDetails('[1,2]')).toEqual({
      state: 'invalid',
      reason: 'not a JSON object',
    });
    expect(readInfraDetails('{"host":"x"}')).toEqual({
      state: 'invalid',
      reason: 'no kind',
    });
  });

  it('gives the data alone, or undefined, to code that only needs the data', () => {
    expect(parseInfraDetails('{"kind":"pdb"}')).toEqual({ kind: 'pdb' });
    expect(parseInfraDetails('{not json')).toBeUndefined();
  });
});
