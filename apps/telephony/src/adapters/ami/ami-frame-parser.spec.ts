import { AmiFrameParser } from './ami-frame-parser';

describe('AmiFrameParser', () => {
  const stream =
    'Asterisk Call Manager/5.0.1\r\nEvent: Newchannel\r\nChannel: PJSIP/telekom-00000001\r\nLinkedid: 1700000000.1\r\n\r\nevent: Hangup\nUniqueID: 1700000000.1\n\n';

  it('reads the banner and frames with CRLF or LF and any header spelling', () => {
    const sut = new AmiFrameParser();
    const { frames, garbage } = sut.feed(stream);
    expect(garbage).toBe(0);
    expect(frames).toEqual([
      { banner: 'Asterisk Call Manager/5.0.1' },
      { event: 'Newchannel', channel: 'PJSIP/telekom-00000001', linkedid: '1700000000.1' },
      { event: 'Hangup', uniqueid: '1700000000.1' },
    ]);
  });

  it('gives the same frames when the stream arrives byte by byte (half frames)', () => {
    const sut = new AmiFrameParser();
    const frames = [...stream].flatMap((byte) => sut.feed(byte).frames);
    expect(frames).toEqual(new AmiFrameParser().feed(stream).frames);
  });

  it('counts garbage lines and keeps reading the frames around them', () => {
    const sut = new AmiFrameParser();
    const { frames, garbage } = sut.feed('\u0000\u0001binary junk\r\nEvent: Newstate\r\n%%% no header\r\nUniqueid: 1.2\r\n\r\n');
    expect(garbage).toBe(2);
    expect(frames).toEqual([{ event: 'Newstate', uniqueid: '1.2' }]);
  });

  it('drops an endless line instead of buffering it', () => {
    const sut = new AmiFrameParser();
    expect(sut.feed('x'.repeat(10000)).garbage).toBe(1);
    expect(sut.feed('\r\nEvent: Hangup\r\n\r\n').frames).toEqual([{ event: 'Hangup' }]);
  });
});
