import { CstaErrorCode } from '@d115/contracts';
import { encodeCstaFrame } from './csta-frame';
import { CstaFrameReader, FrameWarning } from './csta-frame-reader';

const A = '<?xml version="1.0"?><DeliveredEvent><connection><callID>1</callID></connection></DeliveredEvent>';
const B = '<EstablishedEvent xmlns="http://www.ecma-international.org/standards/ecma-323/csta/ed5"><cause>newCall</cause></EstablishedEvent>';

function reader() {
  const warnings: FrameWarning[] = [];
  const sut = new CstaFrameReader((warning) => warnings.push(warning));
  return { sut, warnings };
}

/** A frame whose length counts without the 4-byte header, as some servers send it. */
function frameWithoutHeaderInLength(xml: string): Buffer {
  const frame = encodeCstaFrame(xml);
  frame.writeUInt16BE(frame.length - 4, 2);
  return frame;
}

describe('CstaFrameReader', () => {
  it('reads frames with and without an invoke id, several in one chunk', () => {
    const { sut, warnings } = reader();
    const frames = sut.push(Buffer.concat([encodeCstaFrame(A, '0001'), encodeCstaFrame(B), encodeCstaFrame(A, '9999')]));
    expect(frames).toEqual([{ invokeId: '0001', xml: A }, { xml: B }, { invokeId: '9999', xml: A }]);
    expect(warnings).toEqual([]);
  });

  it('reassembles frames split at every byte', () => {
    const { sut, warnings } = reader();
    const stream = Buffer.concat([encodeCstaFrame(A, '0007'), encodeCstaFrame(B, '9999')]);
    const frames = [...stream].flatMap((byte) => sut.push(Buffer.from([byte])));
    expect(frames).toEqual([
      { invokeId: '0007', xml: A },
      { invokeId: '9999', xml: B },
    ]);
    expect(warnings).toEqual([]);
    expect(sut.pending).toBe(0);
  });

  it('accepts an invoke id of letters (some servers use hex) and rejects one with control bytes', () => {
    const { sut, warnings } = reader();
    const odd = encodeCstaFrame(A);
    const withLetters = Buffer.concat([odd.subarray(0, 4), Buffer.from('0A1f'), odd.subarray(4)]);
    withLetters.writeUInt16BE(withLetters.length, 2);
    const broken = Buffer.from(withLetters);
    broken[5] = 0x01;
    expect(sut.push(Buffer.concat([withLetters, broken, encodeCstaFrame(B)]))).toEqual([{ invokeId: '0A1f', xml: A }, { xml: B }]);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringContaining('invoke id is not 4 ASCII characters')]);
  });

  it('keeps multi-byte characters whole across chunks', () => {
    const { sut } = reader();
    const xml = '<DeliveredEvent><cause>Straße ä</cause></DeliveredEvent>';
    const stream = encodeCstaFrame(xml, '0001');
    const cut = stream.indexOf(0xc3) + 1;
    expect([...sut.push(stream.subarray(0, cut)), ...sut.push(stream.subarray(cut))]).toEqual([{ invokeId: '0001', xml }]);
  });

  it('detects a server that counts the length without the header and stays with it', () => {
    const { sut, warnings } = reader();
    const frames = sut.push(Buffer.concat([frameWithoutHeaderInLength(A), frameWithoutHeaderInLength(B)]));
    expect(frames).toEqual([{ xml: A }, { xml: B }]);
    expect(warnings).toEqual([]);
  });

  it('skips garbage between frames with a coded warning and reads on', () => {
    const { sut, warnings } = reader();
    const frames = sut.push(Buffer.concat([encodeCstaFrame(A), Buffer.from('GARBAGE\x01\x02'), encodeCstaFrame(B)]));
    expect(frames).toEqual([{ xml: A }, { xml: B }]);
    expect(warnings).toEqual([{ code: CstaErrorCode.FRAME_INVALID, message: 'garbage between frames; skipped 9 bytes', skipped: 9 }]);
  });

  it('cuts a frame whose length overruns the next header and reads the next one', () => {
    const { sut, warnings } = reader();
    const long = encodeCstaFrame(A);
    long.writeUInt16BE(long.length + 40, 2);
    const frames = sut.push(Buffer.concat([long, encodeCstaFrame(B, '0002')]));
    expect(frames).toEqual([{ xml: A }, { invokeId: '0002', xml: B }]);
    expect(warnings.map((w) => w.code)).toEqual([CstaErrorCode.FRAME_INVALID]);
  });

  it('hands a frame cut short by a too small length on (the parser rejects it) and resyncs after it', () => {
    const { sut, warnings } = reader();
    const short = encodeCstaFrame(A);
    short.writeUInt16BE(30, 2);
    const frames = sut.push(Buffer.concat([encodeCstaFrame(B), short, encodeCstaFrame(B)]));
    expect(frames.map((f) => f.xml)).toEqual([B, A.slice(0, 26), B]);
    expect(warnings).toHaveLength(1);
  });

  it('rejects a header whose length is shorter than the header itself', () => {
    const { sut, warnings } = reader();
    expect(sut.push(Buffer.concat([Buffer.from([0, 0, 0, 2]), encodeCstaFrame(A)]))).toEqual([{ xml: A }]);
    expect(warnings[0].message).toContain('shorter than its header');
  });

  it('reads bare XML documents separated by NUL bytes or simply following each other', () => {
    const { sut, warnings } = reader();
    const frames = sut.push(Buffer.from(`${A}\0${B}\n${A}`));
    expect(frames).toEqual([{ xml: A }, { xml: B }, { xml: `\n${A}` }]);
    expect(warnings).toEqual([]);
  });

  it('waits for the rest of a bare document', () => {
    const { sut } = reader();
    expect(sut.push(Buffer.from(B.slice(0, 40)))).toEqual([]);
    expect(sut.push(Buffer.from(B.slice(40)))).toEqual([{ xml: B }]);
  });

  it('never throws on random bytes', () => {
    const { sut } = reader();
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let i = 0; i < 2000; i++) {
      const chunk = Buffer.from(Array.from({ length: 1 + (random() % 64) }, random));
      expect(() => sut.push(chunk)).not.toThrow();
    }
    expect(sut.push(Buffer.concat([Buffer.from([0x3e, 0x3e]), encodeCstaFrame(A, '0001')])).at(-1)).toEqual({ invokeId: '0001', xml: A });
  });
});
