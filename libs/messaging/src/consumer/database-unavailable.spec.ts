import { classifyDatabaseFailure } from './database-unavailable';

describe('classifyDatabaseFailure', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('knows the errors only an unavailable database raises', () => {
    expect(classifyDatabaseFailure(withCode('57P01', 'terminating connection due to administrator command'))).toBe('unavailable');
    expect(classifyDatabaseFailure(withCode('57P03', 'the database system is starting up'))).toBe('unavailable');
    expect(classifyDatabaseFailure(withCode('08006'))).toBe('unavailable');
    expect(classifyDatabaseFailure(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(classifyDatabaseFailure(new Error('timeout exceeded when trying to connect'))).toBe('unavailable');
  });

  it('looks into the driver error TypeORM wraps', () => {
    const wrapped = Object.assign(new Error('Query failed'), { driverError: withCode('57P01') });
    expect(classifyDatabaseFailure(wrapped)).toBe('unavailable');
  });

  it('leaves network errors to a probe, since a handler may raise them too', () => {
    expect(classifyDatabaseFailure(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe('maybe-unavailable');
    expect(classifyDatabaseFailure(new AggregateError([withCode('ECONNREFUSED')]))).toBe('maybe-unavailable');
    expect(classifyDatabaseFailure(new Error('Query runner already released. Cannot run queries anymore.'))).toBe('maybe-unavailable');
  });

  it('treats everything else as a handler failure', () => {
    expect(classifyDatabaseFailure(withCode('23505', 'duplicate key value violates unique constraint'))).toBe('other');
    expect(classifyDatabaseFailure(new Error('probe fails on purpose'))).toBe('other');
    expect(classifyDatabaseFailure(undefined)).toBe('other');
  });
});
