import * as sut from '@d115/calendar';

describe('@d115/calendar', () => {
  it('exports the calendar, its error and the defaults', () => {
    expect(Object.keys(sut).sort()).toEqual(['BusinessCalendar', 'CalendarErrorCode', 'CalendarException', 'DEFAULT_TIME_ZONE', 'DEFAULT_WEEKLY_HOURS']);
    expect(new sut.BusinessCalendar({ state: 'MV' }).timeZone).toBe(sut.DEFAULT_TIME_ZONE);
  });
});
