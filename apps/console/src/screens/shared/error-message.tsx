import { useI18n } from '../../i18n/i18n';

export function ErrorMessage({ error, retry }: { error: Error; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="error">
      {t('app.error', { message: error.message })}
      {retry && (
        <button type="button" onClick={retry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
