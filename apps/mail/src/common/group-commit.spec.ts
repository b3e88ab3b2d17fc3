import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes a lone item at once, and items arriving meanwhile together in the next group', async () => {
    const groups: number[][] = [];
    const sut = new GroupCommit<number, string>(async (items) => {
      groups.push(items);
      await new Promise((resolve) => setImmediate(resolve));
      return items.map((n) => `ok ${n}`);
    });
    const results = await Promise.all([1, 2, 3, 4].map((n) => sut.submit(n)));
    expect(results).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4']);
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it('caps the group size', async () => {
    const groups: number[][] = [];
    const sut = new GroupCommit<number, number>(
      async (items) => {
        groups.push(items);
        return items;
      },
      { maxItems: 2 },
    );
    await Promise.all([1, 2, 3, 4, 5].map((n) => sut.submit(n)));
    expect(groups).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('caps the bytes of a group, and writes an item larger than the cap alone', async () => {
    const groups: number[][] = [];
    const sut = new GroupCommit<number, number>(
      async (items) => {
        groups.push(items);
        return items;
      },
      { maxBytes: 10, sizeOf: (n) => n },
    );
    await Promise.all([1, 4, 5, 2, 25, 3, 3, 3, 1].map((n) => sut.submit(n)));
    expect(groups).toEqual([[1], [4, 5], [2], [25], [3, 3, 3, 1]]);
  });

  it('retries a failed group item by item, so only the bad item fails', async () => {
    const sut = new GroupCommit<number, number>(async (items) => {
      if (items.includes(3)) throw new Error('bad item 3');
      return items.map((n) => n * 10);
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => sut.submit(n)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'fulfilled', value: 20 },
      { status: 'rejected', reason: new Error('bad item 3') },
      { status: 'fulfilled', value: 40 },
    ]);
  });
});
