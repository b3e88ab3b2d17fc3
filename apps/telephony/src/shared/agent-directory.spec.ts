import { peerOf } from './agent-directory';

describe('peerOf', () => {
  it.each([
    ['PJSIP/150010002-0000001a', '150010002'],
    ['SIP/150010002-00000a1f', '150010002'],
    ['PJSIP/150010002', '150010002'],
    ['Local/150010002@from-queue/n', '150010002'],
    ['Local/150010002@from-queue-00000001;2', '150010002'],
    ['150010002', '150010002'],
    ['PJSIP/telekom-0000001a', 'telekom'],
  ])('%s is the device %s', (channel, device) => {
    expect(peerOf(channel)).toBe(device);
  });
});
