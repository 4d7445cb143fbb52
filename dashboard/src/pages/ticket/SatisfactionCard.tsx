import { createResource, createSignal, For, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RateTicketMutation, TicketSatisfactionQuery } from '../../graphql/satisfaction';
import { mutate, query } from '../../lib/client';
import { formatDateTime } from '../../lib/format';
import { createSubmit } from '../../lib/submit';

/** The reporter's score on a closed ticket, or (when the server says they may) the form to give it. */
export function SatisfactionCard(props: { ticketId: string; version: number }) {
  const [data, { refetch }] = createResource(() => [props.ticketId, props.version] as const, ([id]) => query(TicketSatisfactionQuery, { id }).then((d) => d.ticket));
  const [score, setScore] = createSignal(0);
  const [comment, setComment] = createSignal('');
  const { busy, error, onSubmit } = createSubmit();
  const submit = onSubmit(
    async () => {
      await mutate(RateTicketMutation, { ticketId: props.ticketId, score: score(), comment: comment().trim() || null });
      await refetch();
    },
    () => !score() && 'Choose a score from 1 to 5.',
  );
  return (
    <Show when={data.latest?.satisfaction || data.latest?.viewerCan.rate}>
      <section class="card" aria-labelledby="satisfaction-title">
        <h2 id="satisfaction-title">Satisfaction</h2>
        <Show when={data.latest?.satisfaction} fallback={
          <form onSubmit={submit}>
            <p>How did we do? 1 is poor, 5 is great.</p>
            <div class="form-actions" role="radiogroup" aria-label="Score">
              <For each={[1, 2, 3, 4, 5]}>
                {(n) => <button type="button" role="radio" aria-checked={score() === n} classList={{ primary: score() === n }} onClick={() => setScore(n)}>{n}</button>}
              </For>
            </div>
            <label>Comment (optional)<textarea rows="2" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} /></label>
            <div class="form-actions"><button type="submit" disabled={busy()}>Send rating</button></div>
            <ErrorNotice error={error()} />
          </form>
        }>
          {(given) => (
            <p>
              <strong>{given().score} / 5</strong>
              <Show when={given().comment}> · “{given().comment}”</Show>
              <span class="muted small"> · {formatDateTime(given().ratedAt)}</span>
            </p>
          )}
        </Show>
      </section>
    </Show>
  );
}
