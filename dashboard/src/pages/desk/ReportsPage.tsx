import { createResource, createSignal, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TicketStatsQuery } from '../../graphql/desk';
import { query } from '../../lib/client';
import { formatDate, humanize, money } from '../../lib/format';
import { CATEGORY_LABELS } from '../../lib/labels';
import { BarChart } from './BarChart';

const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const number = (value: number | null | undefined, suffix = '') => (value === null || value === undefined ? '–' : `${value}${suffix}`);

/** The desk's figures for a period, as charts; every chart's numbers download as CSV. Staff. */
export default function ReportsPage() {
  const [from, setFrom] = createSignal(isoDay(new Date(Date.now() - 56 * DAY)));
  const [to, setTo] = createSignal(isoDay(new Date(Date.now() + DAY)));
  const [stats] = createResource(
    () => ({ from: from(), to: to() }),
    async (period) => (await query(TicketStatsQuery, { from: `${period.from}T00:00:00Z`, to: `${period.to}T00:00:00Z` })).ticketStats,
  );
  const currencies = () => [...new Set([...(stats()?.credited ?? []), ...(stats()?.byTutor ?? []).flatMap((t) => t.credited)].map((m) => m.currency))].sort();

  return (
    <section class="reports-page" aria-labelledby="reports-title">
      <div class="page-head">
        <h1 id="reports-title">Reports</h1>
        <form class="filters" onSubmit={(e) => e.preventDefault()}>
          <label>From <input type="date" value={from()} onChange={(e) => setFrom(e.currentTarget.value)} /></label>
          <label>To (exclusive) <input type="date" value={to()} onChange={(e) => setTo(e.currentTarget.value)} /></label>
        </form>
      </div>
      <ErrorNotice error={stats.error} />
      <Show when={stats()}>
        {(s) => (
          <>
            <dl class="report-tiles" data-testid="report-tiles">
              <div><dt>Opened</dt><dd>{s().opened}</dd></div>
              <div><dt>Closed</dt><dd>{s().closed}</dd></div>
              <div><dt>Median time to resolution</dt><dd>{number(s().medianHoursToResolution, ' h')}</dd></div>
              <div><dt>SLA met</dt><dd>{number(s().slaMetPercent, ' %')}</dd></div>
              <div><dt>Credited</dt><dd>{s().credited.length ? s().credited.map(money).join(', ') : '–'}</dd></div>
              <div><dt>Satisfaction</dt><dd>{s().satisfactionResponses ? `${s().satisfactionAverage?.toFixed(1)} / 5` : 'No ratings'}<Show when={s().satisfactionResponses}><small class="muted"> from {s().satisfactionResponses} rating{s().satisfactionResponses === 1 ? '' : 's'}</small></Show></dd></div>
            </dl>
            <div class="report-grid">
              <BarChart
                id="weekly" title="Opened and closed per week" csvName="tickets-per-week.csv" labelHeader="Week starting"
                labels={s().weekly.map((w) => formatDate(w.weekStart))}
                series={[
                  { label: 'Opened', values: s().weekly.map((w) => w.opened), color: '#2f5bd3' },
                  { label: 'Closed', values: s().weekly.map((w) => w.closed), color: '#1f8a4c' },
                ]}
              />
              <BarChart
                id="satisfaction" title="Satisfaction per week (ratings given)" csvName="satisfaction-per-week.csv" labelHeader="Week starting"
                labels={s().weekly.map((w) => formatDate(w.weekStart))}
                series={[
                  { label: 'Average score (1-5)', values: s().weekly.map((w) => w.satisfactionAverage ?? null), color: '#0e9384' },
                  { label: 'Ratings', values: s().weekly.map((w) => w.satisfactionResponses), color: '#98a2b3' },
                ]}
              />
              <BarChart
                id="categories" title="Tickets by category" csvName="tickets-by-category.csv" labelHeader="Category"
                labels={s().byCategory.map((c) => (c.category ? CATEGORY_LABELS[c.category]?.split(' (')[0] ?? humanize(c.category) : 'No category'))}
                series={[{ label: 'Tickets', values: s().byCategory.map((c) => c.count), color: '#c2410c' }]}
              />
              <BarChart
                id="tutors" title="Disputes per tutor (per 100 sessions taught)" csvName="disputes-per-tutor.csv" labelHeader="Tutor"
                labels={s().byTutor.map((t) => t.tutor.name)}
                series={[
                  { label: 'Dispute rate %', values: s().byTutor.map((t) => t.disputeRatePercent), color: '#b42318' },
                  { label: 'Disputes', values: s().byTutor.map((t) => t.tickets), color: '#f79009' },
                  { label: 'Sessions taught', values: s().byTutor.map((t) => t.sessions), color: '#98a2b3' },
                ]}
              />
              <BarChart
                id="credits" title="Credits issued per currency (major units)" csvName="credits-per-currency.csv" labelHeader="Currency"
                labels={currencies()}
                series={[{ label: 'Credited', values: currencies().map((c) => (s().credited.find((m) => m.currency === c)?.amountMinor ?? 0) / 100), color: '#6941c6' }]}
              />
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
