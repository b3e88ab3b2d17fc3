import { IsInt, IsString, Min } from 'class-validator';
import { D115Error, ErrorCode } from './errors';
import { validatePayload } from './validation';

class Probe {
  @IsInt()
  @Min(1)
  n!: number;

  @IsString()
  name!: string;
}

describe('validatePayload', () => {
  it('returns an instance of the contract class for a valid payload', async () => {
    const sut = await validatePayload(Probe, { n: 2, name: 'x' });
    expect(sut).toBeInstanceOf(Probe);
    expect(sut).toEqual({ n: 2, name: 'x' });
  });

  it('reports every invalid field with VALIDATION.FAILED', async () => {
    const failure = await validatePayload(Probe, { n: 0 }).catch((e: D115Error) => e);
    expect(failure).toBeInstanceOf(D115Error);
    expect((failure as D115Error).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect((failure as D115Error).details).toEqual([
      { path: 'n', constraints: ['n must not be less than 1'] },
      { path: 'name', constraints: ['name must be a string'] },
    ]);
  });

  it('refuses unknown properties unless told to allow them', async () => {
    await expect(validatePayload(Probe, { n: 1, name: 'x', extra: true })).rejects.toThrow('property extra should not exist');
    await expect(validatePayload(Probe, { n: 1, name: 'x', extra: true }, { allowUnknown: true })).resolves.toMatchObject({ n: 1 });
  });

  it('refuses a payload that is not an object', async () => {
    await expect(validatePayload(Probe, [1])).rejects.toThrow('payload must be a JSON object');
    await expect(validatePayload(Probe, 'text')).rejects.toThrow('payload must be a JSON object');
  });
});
