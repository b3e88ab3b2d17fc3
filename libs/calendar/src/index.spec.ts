import * as sut from '@d115/calendar';

describe('@d115/calendar', () => {
  it('exports the calendar, its error, the defaults and the opening-times parser', () => {
    expect(Object.keys(sut).sort()).toEqual([
      'BusinessCalendar',
      'CalendarErrorCode',
      'CalendarException',
      'DEFAULT_TIME_ZONE',
      'DEFAULT_WEEKLY_HOURS',
      'parseOpeningTimesText',
    ]);
    expect(new sut.BusinessCalendar({ state: 'MV' }).timeZone).toBe(sut.DEFAULT_TIME_ZONE);
  });
});
