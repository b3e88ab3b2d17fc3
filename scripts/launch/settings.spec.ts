import { launchSettings } from './settings';

describe('launchSettings', () => {
  const root = '/srv/d115';

  it('is not a sandbox by default and keeps its data in <root>/.data', () => {
    expect(launchSettings({}, ['node', 'main.js'], root)).toEqual({
      sandbox: false,
      dataDir: '/srv/d115/.data',
      embeddedPostgresPort: 54329,
      embeddedNatsPort: 4223,
    });
  });

  it('is a sandbox with D115_EMBEDDED=1 or with --embedded on the command line', () => {
    expect(launchSettings({ D115_EMBEDDED: '1' }, [], root).sandbox).toBe(true);
    expect(launchSettings({ D115_EMBEDDED: 'true' }, [], root).sandbox).toBe(true);
    expect(launchSettings({}, ['node', 'start.js', '--embedded'], root).sandbox).toBe(true);
    expect(launchSettings({ D115_EMBEDDED: '0' }, [], root).sandbox).toBe(false);
  });

  it('takes the data folder and the ports from the environment', () => {
    const settings = launchSettings({ D115_DATA_DIR: 'sandbox', EMBEDDED_POSTGRES_PORT: '41210', EMBEDDED_NATS_PORT: '41211' }, [], root);
    expect(settings).toMatchObject({ dataDir: '/srv/d115/sandbox', embeddedPostgresPort: 41210, embeddedNatsPort: 41211 });
  });

  it('names a malformed port variable', () => {
    expect(() => launchSettings({ EMBEDDED_NATS_PORT: 'nats' }, [], root)).toThrow('EMBEDDED_NATS_PORT must be a TCP port (1-65535), got "nats"');
  });
});
