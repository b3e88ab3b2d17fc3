import { useEffect, useState } from 'react';
import { finishOidcSignIn } from '../api/oidc';
import { session } from '../api/session';
import { signInWith } from '../api/sign-in';
import { useI18n } from '../i18n/i18n';
import { SignIn } from '../screens/sign-in/sign-in';
import { ErrorMessage } from '../screens/shared/error-message';
import { Shell } from './shell';

/** Signed in → the shell; otherwise the sign-in screen (finishing an OIDC return first). */
export function App() {
  const { t } = useI18n();
  const [user, setUser] = useState(session.user);
  const [returning, setReturning] = useState(() => new URLSearchParams(window.location.search).has('code'));
  const [error, setError] = useState<Error>();
  useEffect(() => session.subscribe(setUser), []);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  useEffect(() => {
    if (!returning) return;
    finishOidcSignIn()
      .then((tokens) => tokens && signInWith(tokens.accessToken, tokens.expiresIn))
      .catch(setError)
      .finally(() => setReturning(false));
  }, [returning]);

  if (returning) return <p role="status">{t('app.loading')}</p>;
  if (!user)
    return (
      <>
        {error && <ErrorMessage error={error} />}
        <SignIn />
      </>
    );
  return <Shell user={user} />;
}
