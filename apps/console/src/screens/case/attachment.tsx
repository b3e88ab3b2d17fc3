import { useEffect, useState } from 'react';
import { api, data } from '../../api/client';
import { useI18n } from '../../i18n/i18n';

interface Loaded {
  url: string;
  filename: string;
  image: boolean;
}

/** The name out of `Content-Disposition` (the RFC 6266 UTF-8 form first). */
function filenameOf(disposition: string | null, fallback: string): string {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (extended) return decodeURIComponent(extended[1]);
  return /filename="([^"]*)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * An attachment of a mail in the case. Loaded on request (every read of a case's file
 * goes through the audited case read): an image is then shown in the timeline, any
 * other file is saved under its name.
 */
export function Attachment({ ticketId, id, position }: { ticketId: string; id: string; position: number }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>();
  const [failed, setFailed] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => () => loaded && URL.revokeObjectURL(loaded.url), [loaded]);

  async function open(): Promise<void> {
    setBusy(true);
    setFailed(undefined);
    try {
      const call = api.GET('/api/v1/cases/{id}/attachments/{attachmentId}', {
        params: { path: { id: ticketId, attachmentId: id }, query: { inline: true } },
        parseAs: 'blob',
      });
      const blob = (await data(call)) as Blob;
      const { response } = await call;
      const file = {
        url: URL.createObjectURL(blob),
        filename: filenameOf(response.headers.get('content-disposition'), id),
        image: (response.headers.get('content-type') ?? '').startsWith('image/'),
      };
      setLoaded(file);
      if (!file.image) {
        const link = document.createElement('a');
        link.href = file.url;
        link.download = file.filename;
        link.click();
      }
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  if (loaded?.image) {
    return (
      <figure className="attachment">
        <img src={loaded.url} alt={loaded.filename} />
        <figcaption>
          <a href={loaded.url} download={loaded.filename}>
            {t('case.attachment.save', { name: loaded.filename })}
          </a>
        </figcaption>
      </figure>
    );
  }
  return (
    <span className="attachment">
      {loaded ? (
        <a href={loaded.url} download={loaded.filename}>
          {t('case.attachment.save', { name: loaded.filename })}
        </a>
      ) : (
        <button type="button" onClick={() => void open()} disabled={busy}>
          {t('case.attachment.open', { position })}
        </button>
      )}
      {failed && (
        <span role="alert" className="error">
          {t('case.attachment.failed', { reason: failed })}
        </span>
      )}
    </span>
  );
}
