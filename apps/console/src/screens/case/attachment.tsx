import { useEffect, useState } from 'react';
import { attachmentUrl } from '../../api/attachments';
import { useI18n } from '../../i18n/i18n';

/** Images inline, everything else as a download link; fetched with the session's token. */
export function Attachment({ id }: { id: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<{ url: string; type: string; name?: string }>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    attachmentUrl(id).then(setFile, () => setFailed(true));
  }, [id]);
  if (failed) return <span className="muted">{id}</span>;
  if (!file) return <span className="muted">{t('app.loading')}</span>;
  const name = file.name ?? id;
  return (
    <span className="attachment">
      {file.type.startsWith('image/') && <img src={file.url} alt={name} />}
      <a href={file.url} download={name}>
        {t('case.download')}: {name}
      </a>
    </span>
  );
}
