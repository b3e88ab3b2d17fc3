import { BusinessCalendar } from '@d115/calendar';
import { ClockTarget, SlaClockMath } from './sla-clock';

/** The 115 promise on real calendars: 24 service hours, Mon–Fri 08:00–18:00 Europe/Berlin. */
describe('SLA clock', () => {
  const mv = new SlaClockMath(new BusinessCalendar({ state: 'MV' }));
  const be = new SlaClockMath(new BusinessCalendar({ state: 'BE' }));
  const promise: ClockTarget = { targetMinutes: 24 * 60, warningShare: 0.8, pauseInPendingAuthority: false };
  const iso = (date: Date | null) => date?.toISOString();

  it('skips Frauentag in MV (Monday 8 March 2027) for deadline and warning', () => {
    const sut = mv.start('resolution', promise, new Date('2027-03-04T10:00:00+01:00'));
    // Thu 8 h + Fri 10 h, Mon closed, Tue 6 h → Tue 14:00; warning after 19.2 h → Tue 09:12.
    expect(iso(sut.dueAt)).toBe('2027-03-09T13:00:00.000Z');
    expect(iso(sut.warnAt)).toBe('2027-03-09T08:12:00.000Z');
  });

  it('skips Reformationstag in MV (Friday 31 October 2025)', () => {
    const sut = mv.start('resolution', promise, new Date('2025-10-30T09:00:00+01:00'));
    expect(iso(sut.dueAt)).toBe('2025-11-04T12:00:00.000Z');
  });

  it("skips Berlin's one-off 8 May 2025 but not in MV", () => {
    const start = new Date('2025-05-07T10:00:00+02:00');
    expect(iso(be.start('resolution', promise, start).dueAt)).toBe('2025-05-12T12:00:00.000Z');
    expect(iso(mv.start('resolution', promise, start).dueAt)).toBe('2025-05-09T12:00:00.000Z');
  });

  it('counts real hours across the DST switch of March 2026', () => {
    const sut = mv.start('resolution', promise, new Date('2026-03-27T14:00:00+01:00'));
    // Fri 4 h (CET), Mon 10 h + Tue 10 h (CEST): the day's hours are used up exactly at 18:00 CEST.
    expect(iso(sut.dueAt)).toBe('2026-03-31T16:00:00.000Z');
  });

  it('skips New Year and starts the count on 31 December afternoon', () => {
    const sut = mv.start('resolution', promise, new Date('2025-12-31T16:00:00+01:00'));
    expect(iso(sut.dueAt)).toBe('2026-01-06T09:00:00.000Z');
  });

  it('starts counting at the next opening when the case arrives at night', () => {
    const sut = mv.start('first_response', { ...promise, targetMinutes: 60 }, new Date('2027-03-05T20:00:00+01:00'));
    // Friday night → Monday is Frauentag → Tuesday 08:00 + 1 h.
    expect(iso(sut.dueAt)).toBe('2027-03-09T08:00:00.000Z');
  });

  it('pauses in pending_citizen and pushes the deadline out by the paused business time', () => {
    const running = mv.start('resolution', promise, new Date('2027-03-04T10:00:00+01:00'));
    const paused = mv.afterStateChange(running, 'pending_citizen', new Date('2027-03-04T12:00:00+01:00')).clock;
    expect(paused).toMatchObject({ status: 'paused', consumedMinutes: 120, dueAt: null, warnAt: null });
    expect(mv.elapsed(paused, new Date('2027-03-05T12:00:00+01:00'))).toBe(120);

    const resumed = mv.afterStateChange(paused, 'open', new Date('2027-03-05T12:00:00+01:00')).clock;
    // 22 h left from Fri 12:00: Fri 6 h, Mon Frauentag, Tue 10 h, Wed 6 h → Wed 14:00.
    expect(resumed.status).toBe('running');
    expect(iso(resumed.dueAt)).toBe('2027-03-10T13:00:00.000Z');
    // Warning after 19.2 h: 17.2 h left from Fri 12:00 → Fri 6 h, Tue 10 h, Wed 1.2 h → Wed 09:12.
    expect(iso(resumed.warnAt)).toBe('2027-03-10T08:12:00.000Z');
  });

  it('keeps running in pending_authority unless the policy pauses it there', () => {
    const at = new Date('2027-03-04T10:00:00+01:00');
    const later = new Date('2027-03-04T11:00:00+01:00');
    expect(mv.afterStateChange(mv.start('resolution', promise, at), 'pending_authority', later).clock.status).toBe('running');
    const pausing = mv.start('resolution', { ...promise, pauseInPendingAuthority: true }, at);
    expect(mv.afterStateChange(pausing, 'pending_authority', later).clock).toMatchObject({ status: 'paused', consumedMinutes: 60 });
  });

  it('stops when answered; late means breached now, once', () => {
    const running = mv.start('resolution', { ...promise, targetMinutes: 60 }, new Date('2027-03-04T10:00:00+01:00'));
    const onTime = mv.afterStateChange(running, 'answered', new Date('2027-03-04T10:30:00+01:00'));
    expect(onTime.breachedNow).toBe(false);
    expect(onTime.clock).toMatchObject({ status: 'stopped', consumedMinutes: 30, dueAt: null, breachedAt: null });

    const late = mv.afterStateChange(running, 'closed', new Date('2027-03-04T11:30:00+01:00'));
    expect(late.breachedNow).toBe(true);
    expect(iso(late.clock.breachedAt)).toBe('2027-03-04T10:30:00.000Z');
    expect(mv.stop(late.clock, new Date('2027-03-04T12:00:00+01:00')).breachedNow).toBe(false);

    const alreadyReported = { ...running, breachedAt: new Date('2027-03-04T10:00:00Z') };
    expect(mv.stop(alreadyReported, new Date('2027-03-04T11:30:00+01:00')).breachedNow).toBe(false);
  });

  it('resumes the resolution clock on reopen but keeps a given first response', () => {
    const start = new Date('2027-03-04T10:00:00+01:00');
    const answered = new Date('2027-03-04T11:00:00+01:00');
    const reopened = new Date('2027-03-04T14:00:00+01:00');
    const resolution = mv.afterStateChange(mv.start('resolution', promise, start), 'answered', answered).clock;
    const first = mv.stop(mv.start('first_response', promise, start), answered).clock;

    const again = mv.afterStateChange(resolution, 'open', reopened).clock;
    expect(again).toMatchObject({ status: 'running', consumedMinutes: 60, metAt: null });
    // 23 h left from Thu 14:00: Thu 4 h, Fri 10 h, Mon Frauentag, Tue 9 h → Tue 17:00.
    expect(iso(again.dueAt)).toBe('2027-03-09T16:00:00.000Z');
    expect(mv.afterStateChange(first, 'open', reopened).clock).toBe(first);
  });

  it('does not warn again after a warning was raised', () => {
    const running = mv.start('resolution', promise, new Date('2027-03-04T10:00:00+01:00'));
    const warned = { ...running, warnedAt: new Date('2027-03-09T08:12:00Z') };
    const paused = mv.pause(warned, new Date('2027-03-09T09:00:00+01:00'));
    expect(mv.resume(paused, new Date('2027-03-09T10:00:00+01:00')).warnAt).toBeNull();
  });
});
