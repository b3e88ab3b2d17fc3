import { parseOpeningTimesText } from './opening-times-text';

describe('parseOpeningTimesText', () => {
  it('reads the DLDB weekday texts in their spellings and keeps what does not parse as notes', () => {
    expect(
      parseOpeningTimesText({
        Monday: '8:00-12:00, 13.00 - 18:00',
        thursday: '8.00 bis 13.00',
        friday: '',
        saturday: 'nach Vereinbarung',
        holiday: 'geschlossen',
      }),
    ).toEqual({
      ranges: [
        { weekday: 'mon', from: '08:00', to: '12:00' },
        { weekday: 'mon', from: '13:00', to: '18:00' },
        { weekday: 'thu', from: '08:00', to: '13:00' },
      ],
      notes: ['saturday: nach Vereinbarung', 'holiday: geschlossen'],
    });
  });

  it('takes a plain string as a note and anything else as nothing', () => {
    expect(parseOpeningTimesText('nur nach Terminvereinbarung')).toEqual({ ranges: [], notes: ['nur nach Terminvereinbarung'] });
    expect(parseOpeningTimesText(null)).toEqual({ ranges: [], notes: [] });
    expect(parseOpeningTimesText(['08:00-12:00'])).toEqual({ ranges: [], notes: [] });
  });
});
