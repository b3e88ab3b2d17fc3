import { DemoSigningKey, demoKeyFile } from '../apps/gateway/src/auth/demo-signing-key';
import { DEMO_USERS } from '../apps/gateway/src/auth/demo-users';
import { issueIntegrationToken } from '../apps/gateway/src/auth/integration-tokens';

/**
 * `npm run token -- --role agent` prints a bearer token of the demo user with that role,
 * signed with the embedded default's key (the one `npm start` uses, in the data dir);
 * `npm run token -- --integration cti-main` prints a new integration token and the line
 * to add to AUTH_INTEGRATION_TOKENS (only the hash is kept).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const integration = option('integration');
  if (integration) {
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(integration)) throw new Error('the integration name must be lower-case kebab-case');
    const { token, configuration } = issueIntegrationToken(integration);
    process.stdout.write(`${token}\n`);
    process.stderr.write(`add to AUTH_INTEGRATION_TOKENS (comma-separated): ${configuration}\n`);
    return;
  }
  const role = option('role') ?? 'agent';
  const user = DEMO_USERS.find((candidate) => candidate.roles[0] === role) ?? DEMO_USERS.find((candidate) => candidate.roles.includes(role as never));
  if (!user) throw new Error(`no demo user with role ${role} (agent, supervisor, admin)`);
  const file = demoKeyFile({ keyFile: process.env.AUTH_DEMO_KEY_FILE, dataDir: process.env.D115_DATA_DIR });
  const key = await DemoSigningKey.load(file);
  const seconds = Number(process.env.AUTH_DEMO_TOKEN_SECONDS ?? 8 * 3600);
  process.stdout.write(`${await key.sign(user, process.env.AUTH_AUDIENCE ?? 'd115', seconds)}\n`);
  process.stderr.write(`token of ${user.id} (${user.roles.join(', ')}), valid ${seconds} s; use: curl -H "Authorization: Bearer $TOKEN" …\n`);
}

main().catch((error) => {
  process.stderr.write(`token: ${(error as Error)?.message ?? error}\n`);
  process.exit(1);
});
