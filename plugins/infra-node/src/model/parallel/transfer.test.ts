import { isUnresolved, Unresolved } from '../../hcl/values';
import { packForThread, unpackFromThread } from './transfer';

describe('values across threads', () => {
  it('arrive with their unresolved values still unresolved', () => {
    const shared = new Unresolved('var.host', 'depends-on-unknown');
    const value = {
      host: shared,
      again: shared,
      list: [1, new Unresolved('local.x')],
      byName: new Map([['a', { port: new Unresolved('var.port') }]]),
      // An HCL object may hold a key called `unresolved`: it stays an object.
      lookalike: { unresolved: 'not a marker' },
    };
    const arrived = unpackFromThread(structuredClone(packForThread(value)));
    expect(isUnresolved(arrived.host)).toBe(true);
    expect(arrived.host).toEqual(shared);
    expect(isUnresolved(arrived.again)).toBe(true);
    expect(isUnresolved(arrived.list[1])).toBe(true);
    expect(arrived.list[0]).toBe(1);
    expect(isUnresolved(arrived.byName.get('a')!.port)).toBe(true);
    expect(isUnresolved(arrived.lookalike)).toBe(false);
    expect(arrived.lookalike).toEqual({ unresolved: 'not a marker' });
  });
});
