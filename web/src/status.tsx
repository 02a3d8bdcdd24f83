import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** Visible loading indicator, announced politely to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="status status--loading" role="status" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </p>
  );
}

/** Visible error with the API's message and a retry button. */
export function ErrorMessage({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: Error;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const detail = error instanceof ApiError ? error.message : t('common.networkError');
  return (
    <div className="status status--error" role="alert" data-testid="error">
      <p className="status__title">{title}</p>
      <p className="status__detail">{detail}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
