import { useCodeLabel } from '../i18n';

export function StatusBadge({ status }: { status: string }) {
  const label = useCodeLabel();
  return <span className={`badge badge--status badge--${status}`}>{label('status', status)}</span>;
}
