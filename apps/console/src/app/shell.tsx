import { useState, type MouseEvent } from 'react';
import type { AgentPresence } from '@d115/contracts';
import { me } from '../api/me';
import { disconnect } from '../api/events';
import { session, type SignedInUser } from '../api/session';
import { useI18n, type Language } from '../i18n/i18n';
import { ScreenPop } from '../screens/calls/screen-pop';
import { WrapUp } from '../screens/calls/wrap-up';
import { CaseView } from '../screens/case/case-view';
import { KnowledgePanel } from '../screens/knowledge/knowledge-panel';
import { Queues } from '../screens/queues/queues';
import { Search } from '../screens/search/search';
import { ErrorMessage } from '../screens/shared/error-message';
import { Wallboard } from '../screens/wallboard/wallboard';
import { MyWork } from '../screens/work/my-work';
import { AGENT_PRESENCES_LIST } from './domain';
import { href, navigate, useRoute, type Route } from './router';
import { ShortcutHelp } from './shortcut-help';
import { useShortcuts } from './shortcuts';
import { useLoad } from './use-load';

/** The skip link moves the focus to the screen's <main>; following `#main` would be a route change here (hash routing). */
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  const main = document.getElementById('main');
  main?.setAttribute('tabindex', '-1');
  main?.focus();
}

function Screen({ route, user }: { route: Route; user: SignedInUser }) {
  switch (route.screen) {
    case 'work':
      return <MyWork user={user} />;
    case 'queues':
      return <Queues />;
    case 'search':
      return <Search key={route.text ?? ''} text={route.text} />;
    case 'case':
      return <CaseView key={route.id} id={route.id} />;
    case 'call':
      return <WrapUp key={route.id} callId={route.id} />;
    case 'wallboard':
      return <Wallboard />;
  }
}

/** Header (navigation, presence, language, sign-out), the current screen, the knowledge side panel. */
export function Shell({ user }: { user: SignedInUser }) {
  const { t, language, setLanguage } = useI18n();
  const route = useRoute();
  const agent = useLoad(() => me.profile(), [user.id]);
  const [presenceError, setPresenceError] = useState<Error>();
  const [help, setHelp] = useState(false);
  const [focusKnowledge, setFocusKnowledge] = useState(0);
  useShortcuts({
    '1': () => navigate({ screen: 'work' }),
    '2': () => navigate({ screen: 'queues' }),
    '3': () => navigate({ screen: 'search' }),
    '4': () => navigate({ screen: 'wallboard' }),
    k: () => setFocusKnowledge((n) => n + 1),
    h: () => setHelp(true),
  });
  const setPresence = (presence: AgentPresence) =>
    me.setPresence(presence).then(() => {
      setPresenceError(undefined);
      agent.reload();
    }, setPresenceError);
  const links: { route: Route; label: string; shortcut: string }[] = [
    { route: { screen: 'work' }, label: t('nav.work'), shortcut: 'Alt+1' },
    { route: { screen: 'queues' }, label: t('nav.queues'), shortcut: 'Alt+2' },
    { route: { screen: 'search' }, label: t('nav.search'), shortcut: 'Alt+3' },
    ...(session.isSupervisor() ? [{ route: { screen: 'wallboard' } as Route, label: t('nav.wallboard'), shortcut: 'Alt+4' }] : []),
  ];
  const wallboard = route.screen === 'wallboard';

  return (
    <div className={`shell ${wallboard ? 'shell-wallboard' : ''}`}>
      <a className="skip" href="#main" onClick={skipToMain}>
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">{t('app.title')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {links.map((link) => (
              <li key={link.route.screen}>
                <a href={href(link.route)} aria-current={route.screen === link.route.screen ? 'page' : undefined} aria-keyshortcuts={link.shortcut}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <label className="presence">
          {t('presence.label')}
          <select value={agent.data?.presence ?? 'offline'} onChange={(event) => void setPresence(event.target.value as AgentPresence)} disabled={!agent.data}>
            {AGENT_PRESENCES_LIST.map((presence) => (
              <option key={presence} value={presence}>
                {t(`presence.${presence}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app.language')}
          <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </select>
        </label>
        <span className="user">{user.name}</span>
        <button type="button" onClick={() => setHelp(true)} aria-keyshortcuts="Alt+H">
          {t('app.shortcuts')}
        </button>
        <button
          type="button"
          onClick={() => {
            disconnect();
            session.signOut();
          }}
        >
          {t('nav.signOut')}
        </button>
      </header>
      {presenceError && <ErrorMessage error={presenceError} />}
      <ScreenPop />
      <div className="body">
        <Screen route={route} user={user} />
        {!wallboard && <KnowledgePanel focusSignal={focusKnowledge} />}
      </div>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
