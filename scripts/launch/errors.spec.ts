import { describeError, LaunchError } from './errors';

describe('describeError', () => {
  it('never answers "undefined" or an empty text', () => {
    expect(describeError(undefined)).toBe('failed without giving a reason');
    expect(describeError(null)).toBe('failed without giving a reason');
    expect(describeError('')).toBe('failed without giving a reason');
  });

  it('keeps the text of a rejected string and the message of an Error', () => {
    expect(describeError('initdb exited with code 1')).toBe('initdb exited with code 1');
    expect(describeError(new Error('port taken'))).toBe('port taken');
  });

  it('names the causes of an AggregateError without a message (connection refused on ::1 and 127.0.0.1)', () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    expect(describeError(new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')]))).toBe(
      'connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432',
    );
  });

  it('falls back to the error code when the message is empty', () => {
    expect(describeError(Object.assign(new Error(''), { code: 'EACCES' }))).toBe('EACCES');
  });

  it('LaunchError reads as cause, then remedy', () => {
    expect(new LaunchError('Port 41210 is in use', 'Choose another with EMBEDDED_POSTGRES_PORT').message).toBe(
      'Port 41210 is in use. Choose another with EMBEDDED_POSTGRES_PORT',
    );
  });
});
