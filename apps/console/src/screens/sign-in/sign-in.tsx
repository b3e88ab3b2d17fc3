import { useState } from 'react';
import { api, data } from '../../api/client';
import { startOidcSignIn } from '../../api/oidc';
import { signInWith } from '../../api/sign-in';
import { useLoad } from '../../app/use-load';
import { useI18n } from '../../i18n/i18n';
import { ErrorMessage } from '../shared/error-message';

/** The embedded demo users, or the OIDC provider's login when the gateway is configured for one. */
export function SignIn() {
  const { t } = useI18n();
  const config = useLoad(() => data(api.GET('/api/v1/auth/config')), []);
  const [error, setError] = useState<Error>();

  const demoLogin = async (userId: string) => {
    try {
      const { accessToken, expiresIn } = await data(api.POST('/api/v1/auth/demo-login', { body: { userId } }));
      await signInWith(accessToken, expiresIn);
    } catch (failure) {
      setError(failure as Error);
    }
  };

  return (
    <main id="main" className="sign-in">
      <h1>{t('app.title')}</h1>
      <h2>{t('signIn.title')}</h2>
      <p>{t('signIn.intro')}</p>
      {config.error && <ErrorMessage error={config.error} retry={config.reload} />}
      {error && <ErrorMessage error={error} />}
      {config.data?.mode === 'oidc' && (
        <button
          type="button"
          className="primary"
          onClick={() => {
            const { issuer = '', clientId = '', scopes = ['openid'] } = config.data ?? {};
            startOidcSignIn(issuer, clientId, scopes).catch(setError);
          }}
        >
          {t('signIn.oidc')}
        </button>
      )}
      {config.data?.mode === 'demo' && (
        <section aria-labelledby="demo-users">
          <h3 id="demo-users">{t('signIn.demo')}</h3>
          <ul className="demo-users">
            {(config.data.users ?? []).map((user) => (
              <li key={user.id}>
                <button type="button" onClick={() => void demoLogin(user.id)}>
                  {t('signIn.as', { name: user.name })}
                </button>
                <span className="muted">{t('signIn.roles', { roles: user.roles.join(', ') })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
