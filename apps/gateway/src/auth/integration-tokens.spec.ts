import { IntegrationTokens, issueIntegrationToken } from './integration-tokens';

describe('IntegrationTokens', () => {
  const main = issueIntegrationToken('cti-main');
  const backup = issueIntegrationToken('cti-backup');
  const sut = new IntegrationTokens([main.configuration, backup.configuration].join(','));

  it('knows a configured token by its hash and names its integration', () => {
    expect(main.configuration).not.toContain(main.token);
    expect(sut.verify(main.token)).toBe('cti-main');
    expect(sut.verify(backup.token)).toBe('cti-backup');
  });

  it('refuses a revoked, altered or foreign-named token', () => {
    const revoked = new IntegrationTokens(backup.configuration);
    expect(revoked.verify(main.token)).toBeUndefined();
    expect(sut.verify(`${main.token.slice(0, -1)}x`)).toBeUndefined();
    expect(sut.verify(main.token.replace('cti-main', 'cti-backup'))).toBeUndefined();
    expect(sut.verify('garbage')).toBeUndefined();
  });
});
