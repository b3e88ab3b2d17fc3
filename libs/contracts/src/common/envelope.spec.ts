import { eventAbout } from './envelope';

describe('eventAbout', () => {
  it('names the entity an event is about as <entity>/<id>', () => {
    expect(eventAbout('ticket', '0190a1b2-0000-7000-8000-000000000001')).toBe('ticket/0190a1b2-0000-7000-8000-000000000001');
    expect(eventAbout('message', 'm-1')).toBe('message/m-1');
  });
});
