import { channelsWithRoom, roomLeft } from './capacity';

describe('agent capacity', () => {
  it('lists the channels with room and counts what is left', () => {
    expect(channelsWithRoom({ phone: 1, email: 5, letter: 0 }, { phone: 1, email: 4 })).toEqual(['email']);
    expect(roomLeft({ phone: 1, email: 5, letter: 0 }, { phone: 1, email: 4 })).toBe(1);
  });

  it('never counts negative room when the capacity was lowered below the load', () => {
    expect(channelsWithRoom({ email: 2 }, { email: 3 })).toEqual([]);
    expect(roomLeft({ email: 2, web: 1 }, { email: 3 })).toBe(1);
  });
});
