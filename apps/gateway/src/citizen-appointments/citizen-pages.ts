import { createHash } from 'node:crypto';
import type { AppointmentView } from '@d115/contracts';

/** A page to answer: its HTTP status and the whole document. */
export interface CitizenPage {
  status: number;
  html: string;
}

/** The one style sheet of the pages, inline and allowed by its hash (no external assets, no scripts). */
const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}',
  'h1{font-size:1.5rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}',
  'form{margin:1.5rem 0}button{font-size:1rem;padding:.6rem 1.2rem;border:2px solid #004b87;border-radius:4px;background:#004b87;color:#fff;cursor:pointer}',
  'button.secondary{background:#fff;color:#004b87}button:focus-visible,input:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}',
  'label{display:block;font-weight:600;margin-top:1rem}input{font-size:1rem;padding:.4rem;width:100%;max-width:28rem;box-sizing:border-box}',
  '.hint{color:#444}',
].join('');

/** The Content-Security-Policy of every page: nothing but this style sheet and forms back to the gateway. */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function document(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Terminvergabe</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function page(status: number, title: string, body: string): CitizenPage {
  return { status, html: document(title, body) };
}

const DATE = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Dienstag, 2. März 2027" and "10:00" on the Berlin wall clock, whatever zone the gateway runs in. */
export function berlinDate(iso: string): string {
  return DATE.format(new Date(iso));
}

export function berlinTime(iso: string): string {
  return TIME.format(new Date(iso));
}

function details(view: AppointmentView): string {
  const a = view.address;
  const street = [a.street, a.houseNumber].filter(Boolean).join(' ');
  const services = view.services.map((s) => `<li>${s.count > 1 ? `${s.count} × ` : ''}${escapeHtml(s.name)}</li>`).join('');
  return `<dl>
<dt>Datum</dt><dd>${escapeHtml(berlinDate(view.startsAt))}</dd>
<dt>Uhrzeit</dt><dd>${escapeHtml(berlinTime(view.startsAt))} bis ${escapeHtml(berlinTime(view.endsAt))} Uhr</dd>
<dt>Ort</dt><dd>${escapeHtml(view.officeName)}<br>${escapeHtml(street)}<br>${escapeHtml(`${a.postalCode} ${a.city}`)}</dd>
<dt>Anliegen</dt><dd><ul>${services}</ul></dd>
<dt>Vorgangsnummer</dt><dd>${escapeHtml(view.processId)}</dd>
</dl>`;
}

/** A button that posts the process id and auth key to `action` (relative, so the pages work behind a path prefix). */
function actionForm(action: 'bestaetigen' | 'absagen', key: { processId: string; authKey: string }, label: string, secondary = false): string {
  return `<form method="post" action="${action}">
<input type="hidden" name="processId" value="${escapeHtml(key.processId)}">
<input type="hidden" name="authKey" value="${escapeHtml(key.authKey)}">
<button type="submit"${secondary ? ' class="secondary"' : ''}>${escapeHtml(label)}</button>
</form>`;
}

export type PageAction = 'bestaetigen' | 'absagen';

/** The booking behind a link: a held one with the confirm button, an open one with the cancel button. */
export function appointmentPage(view: AppointmentView, key: { processId: string; authKey: string }, purpose: PageAction): CitizenPage {
  switch (view.status) {
    case 'reserved':
    case 'preconfirmed': {
      const until = view.holdUntil ? `<p class="hint">Der Termin ist bis ${escapeHtml(berlinTime(view.holdUntil))} Uhr für Sie reserviert.</p>` : '';
      const confirm = actionForm('bestaetigen', key, 'Termin verbindlich buchen');
      const cancel = actionForm('absagen', key, 'Reservierung verwerfen', true);
      return purpose === 'bestaetigen'
        ? page(200, 'Bitte bestätigen Sie Ihren Termin', `${details(view)}\n${until}\n${confirm}\n${cancel}`)
        : page(200, 'Reservierung verwerfen?', `${details(view)}\n${until}\n${cancel}`);
    }
    case 'confirmed':
      return page(
        200,
        purpose === 'bestaetigen' ? 'Ihr Termin ist bereits gebucht' : 'Termin absagen?',
        `${details(view)}\n<p>Wenn Sie den Termin nicht wahrnehmen können, sagen Sie ihn bitte ab.</p>\n${actionForm('absagen', key, 'Termin absagen', true)}`,
      );
    case 'cancelled':
      return page(200, 'Dieser Termin wurde abgesagt', `${details(view)}\n<p>Einen neuen Termin erhalten Sie über die Behördennummer 115.</p>`);
    case 'no_show':
      return page(200, 'Dieser Termin ist vorbei', details(view));
    case 'expired':
      return notFoundPage();
  }
}

export function confirmedPage(view: AppointmentView): CitizenPage {
  const mail = view.citizen.email ? '<p>Sie erhalten eine Bestätigung per E-Mail mit dem Termin für Ihren Kalender.</p>' : '';
  return page(200, 'Ihr Termin ist gebucht', `${details(view)}\n${mail}`);
}

export function cancelledPage(view: AppointmentView): CitizenPage {
  return page(
    200,
    'Ihr Termin ist abgesagt',
    `${details(view)}\n<p>Der Termin ist wieder frei für andere. Einen neuen Termin erhalten Sie über die Behördennummer 115.</p>`,
  );
}

/** Unknown process id, wrong key, malformed link and a lapsed hold: one page, so none tells the others apart. */
export function notFoundPage(): CitizenPage {
  return page(
    404,
    'Termin nicht gefunden',
    `<p>Zu diesem Link gibt es keinen Termin (mehr). Vielleicht ist die Reservierung abgelaufen, oder der Link ist unvollständig.</p>
<p>Bitte öffnen Sie den Link aus Ihrer E-Mail noch einmal vollständig, oder vereinbaren Sie über die Behördennummer 115 einen neuen Termin.</p>`,
  );
}

export function alreadyCancelledPage(): CitizenPage {
  return page(409, 'Dieser Termin wurde bereits abgesagt', '<p>Der Termin ist schon abgesagt; es ist nichts weiter zu tun.</p>');
}

export function notChangeablePage(): CitizenPage {
  return page(409, 'Dieser Termin kann nicht mehr geändert werden', '<p>Bitte wenden Sie sich an die Behördennummer 115.</p>');
}

export function tooManyAttemptsPage(retryAfterSeconds?: number): CitizenPage {
  const when = retryAfterSeconds ? ` in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} Minute(n)` : ' später';
  return page(429, 'Zu viele Versuche', `<p>Bitte versuchen Sie es${when} noch einmal.</p>`);
}

export function unavailablePage(): CitizenPage {
  return page(
    503,
    'Die Terminvergabe ist gerade nicht erreichbar',
    '<p>Bitte versuchen Sie es in ein paar Minuten noch einmal. Ihr Termin bleibt davon unberührt.</p>',
  );
}

export function errorPage(errorId: string): CitizenPage {
  return page(500, 'Ein Fehler ist aufgetreten', `<p>Bitte versuchen Sie es später noch einmal. Fehlernummer: ${escapeHtml(errorId)}</p>`);
}

/** The form for a citizen who has the process id and auth key but no link (e.g. from the confirmation mail). */
export function cancelFormPage(): CitizenPage {
  return page(
    200,
    'Termin absagen',
    `<p>Geben Sie die Vorgangsnummer und den Zugangsschlüssel aus Ihrer Terminbestätigung ein.</p>
<form method="get" action="absagen">
<label for="processId">Vorgangsnummer</label>
<input id="processId" name="processId" required autocomplete="off" spellcheck="false">
<label for="authKey">Zugangsschlüssel</label>
<input id="authKey" name="authKey" required autocomplete="off" spellcheck="false">
<p><button type="submit">Termin anzeigen</button></p>
</form>`,
  );
}
