import fc from 'fast-check';
import { swapRecipients } from './swap-recipients';

const a = 'a0000000-0000-4000-8000-000000000001';
const b = 'a0000000-0000-4000-8000-000000000002';

describe('swapRecipients', () => {
  it('a trade approved by a scheduler reaches both agents, once each', () => {
    expect(swapRecipients({ offeredBy: a, acceptedBy: b, counterAgentId: b }, null)).toEqual([
      a,
      b,
    ]);
  });

  it('the agent who decided is not told; the other party is', () => {
    expect(swapRecipients({ offeredBy: a, acceptedBy: null, counterAgentId: b }, b)).toEqual([a]);
    expect(swapRecipients({ offeredBy: a, acceptedBy: null, counterAgentId: b }, a)).toEqual([b]);
    expect(swapRecipients({ offeredBy: a, acceptedBy: null, counterAgentId: null }, a)).toEqual([]);
  });

  it('only parties of the swap, never the actor, never twice', () => {
    const id = fc.constantFrom<string>(a, b, 'a0000000-0000-4000-8000-000000000003');
    fc.assert(
      fc.property(id, fc.option(id), fc.option(id), fc.option(id), (offeredBy, acc, ctr, actor) => {
        const swap = { offeredBy, acceptedBy: acc, counterAgentId: ctr };
        const out = swapRecipients(swap, actor);
        return (
          new Set(out).size === out.length &&
          !out.includes(actor as string) &&
          out.every((x) => [offeredBy, acc, ctr].includes(x))
        );
      }),
    );
  });
});
