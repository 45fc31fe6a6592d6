import { parseInfraDetails } from './details';

describe('details annotation', () => {
  it('parses a details object and tolerates missing or malformed values', () => {
    expect(
      parseInfraDetails(
        JSON.stringify({ kind: 'ingress', host: 'a.homelab.example' }),
      ),
    ).toMatchObject({
      kind: 'ingress',
      host: 'a.homelab.example',
    });
    expect(parseInfraDetails(undefined)).toBeUndefined();
    expect(parseInfraDetails('{not json')).toBeUndefined();
    expect(parseInfraDetails('[1,2]')).toBeUndefined();
  });
});
