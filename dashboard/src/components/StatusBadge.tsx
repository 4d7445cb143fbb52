import { humanize } from '../lib/format';

export function StatusBadge(props: { status: string }) {
  return <span class={`badge status-${props.status.toLowerCase()}`}>{humanize(props.status)}</span>;
}
