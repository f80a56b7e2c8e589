interface Props {
  title?: string;
  message: string | null;
  onRetry?: () => void;
}

/** An API or load error, in words, with a way forward when there is one. */
export function ErrorNotice({ title, message, onRetry }: Props) {
  if (!message) return null;
  return (
    <div className="notice notice--error" role="alert" data-testid="error-notice">
      {title && <p className="notice__title">{title}</p>}
      <p className="notice__message">{message}</p>
      {onRetry && (
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
