import fc from 'fast-check';
import { EventHeap } from './event-heap';

describe('EventHeap', () => {
  it('pops in time order, equal times in insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const heap = new EventHeap<number>();
        times.forEach((t, i) => heap.push(t, i));
        const out: Array<[number, number]> = [];
        for (let x = heap.pop(); x; x = heap.pop()) out.push([x.at, x.value]);
        const expected = times
          .map((t, i) => [t, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
        expect(heap.size).toBe(0);
      }),
    );
  });

  it('peeks at the earliest time without removing it', () => {
    const heap = new EventHeap<string>();
    expect(heap.peekTime()).toBeUndefined();
    heap.push(5, 'b');
    heap.push(2, 'a');
    expect(heap.peekTime()).toBe(2);
    expect(heap.size).toBe(2);
  });
});
