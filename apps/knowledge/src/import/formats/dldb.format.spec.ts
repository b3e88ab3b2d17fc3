import { openingHours } from './dldb.format';

describe('DLDB opening times', () => {
  it('reads spans per day and keeps what does not parse as a note', () => {
    expect(openingHours({ monday: '8:00-12:00, 13.00 - 18:00', friday: '', saturday: 'nur nach Vereinbarung' })).toEqual({
      hours: [
        { day: 'mo', opens: '08:00', closes: '12:00' },
        { day: 'mo', opens: '13:00', closes: '18:00' },
      ],
      note: 'saturday: nur nach Vereinbarung',
    });
  });
});
