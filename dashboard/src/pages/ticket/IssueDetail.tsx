import { Show } from 'solid-js';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, humanize, money } from '../../lib/format';
import { CATEGORY_LABELS, EFFECT_LABELS, OUTCOME_LABELS, TYPE_LABELS } from '../../lib/labels';
import type { TicketDetailFieldsFragment as TicketDetail } from '../../graphql/generated/graphql';

/** The issue as reported, plus the reporter's latest answer to a resolution. */
export function IssueDetail(props: { ticket: TicketDetail }) {
  const t = () => props.ticket;
  const reporterResponse = () =>
    [...t().logs].reverse().find((log) => log.actor?.id === t().reporter.id && log.comment && log.action !== 'REPORTED' && log.action !== 'CREATED');
  return (
    <section class="card" aria-labelledby="issue-detail">
      <h2 id="issue-detail">Issue Detail</h2>
      <dl class="facts">
        <dt>Status</dt>
        <dd><StatusBadge status={t().status} /></dd>
        <dt>Issue</dt>
        <dd>
          <strong>{t().title}</strong>
          <p class="prewrap">{t().description}</p>
        </dd>
        <dt>Type</dt>
        <dd>{TYPE_LABELS[t().type]}{t().category ? ` · ${CATEGORY_LABELS[t().category!]}` : ''}</dd>
        <Show when={t().requestedEffect}>
          <dt>Asked for</dt>
          <dd>{EFFECT_LABELS[t().requestedEffect!]}</dd>
        </Show>
        <dt>Reporter</dt>
        <dd>{t().reporter.name} <span class="muted">({t().reporter.role.toLowerCase()}, {t().reporter.email})</span></dd>
        <dt>Reported at</dt>
        <dd><time datetime={t().createdAt}>{formatDateTime(t().createdAt)}</time></dd>
        <dt>Tutor</dt>
        <dd>{t().tutor?.name ?? '–'}</dd>
        <dt>Assignee</dt>
        <dd>{t().assignee?.name ?? 'Unassigned'}</dd>
        <Show when={t().status === 'ONGOING' && t().resolutionDueAt}>
          <dt>Resolve by</dt>
          <dd>{formatDateTime(t().resolutionDueAt)}</dd>
        </Show>
        <Show when={t().status === 'RESOLVED' && t().autoCloseAt}>
          <dt>Closes itself</dt>
          <dd>{formatDateTime(t().autoCloseAt)}</dd>
        </Show>
        <Show when={t().resolution}>
          {(r) => (
            <>
              <dt>Resolution</dt>
              <dd>
                {r().outcome ? OUTCOME_LABELS[r().outcome!] : r().action?.label}
                {r().credited?.amountMinor ? ` · credited ${money(r().credited)}` : ''}
                <span class="muted"> by {r().resolvedBy?.name ?? 'an automatic rule'}, {formatDateTime(r().resolvedAt)}</span>
                <p class="prewrap">{r().comment}</p>
              </dd>
            </>
          )}
        </Show>
        <dt>Reporter's response</dt>
        <dd>
          <Show when={reporterResponse()} fallback={<span class="muted">None yet</span>}>
            {(log) => <>{humanize(log().action)}: <span class="prewrap">{log().comment}</span></>}
          </Show>
        </dd>
      </dl>
    </section>
  );
}
