import { CallSignal, CallSignalSink } from '../../calls/call-signal';
import { SignalBatcher } from './signal-batcher';

describe('SignalBatcher', () => {
  const signal = (n: number): CallSignal => ({ pbx: 'p', externalCallId: String(n), kind: 'offered', at: new Date(n) });

  it('hands signals over in order and in batches, keeping a failed batch until the sink takes it', async () => {
    const taken: string[][] = [];
    let failures = 2;
    const sink: CallSignalSink = {
      accept: async (signals) => {
        if (failures-- > 0) throw new Error('database away');
        taken.push(signals.map((s) => s.externalCallId));
      },
    };
    const sut = new SignalBatcher(sink, () => undefined, 3);
    for (let n = 1; n <= 7; n++) sut.push(signal(n));
    await sut.drained();
    expect(taken).toEqual([['1', '2', '3'], ['4', '5', '6'], ['7']]);
  });

  it('says it is backlogged above the high-water mark and calls back once drained below a quarter of it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const drains: number[] = [];
    const sut = new SignalBatcher({ accept: () => gate }, () => drains.push(1), 100, 8);
    for (let n = 1; n <= 8; n++) sut.push(signal(n));
    expect(sut.backlogged).toBe(true);
    release();
    await sut.drained();
    expect(sut.backlogged).toBe(false);
    expect(drains.length).toBeGreaterThan(0);
  });
});
