import { createSignal, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { Dialog } from '../../components/Dialog';
import { ReportIssueForm } from '../../components/ReportIssueForm';

export interface Pickable {
  id: string;
  tutorId: string;
}

/**
 * Selection of completed sessions for one report. A dispute covers sessions of one tutor, so the
 * picker says so in words rather than letting the server refuse.
 */
export function createSessionPicker() {
  const [selected, setSelected] = createSignal<Pickable[]>([]);
  const [reporting, setReporting] = createSignal(false);
  const isSelected = (id: string) => selected().some((s) => s.id === id);
  const toggle = (item: Pickable, on: boolean) => setSelected((list) => (on ? [...list.filter((s) => s.id !== item.id), item] : list.filter((s) => s.id !== item.id)));
  const problem = () => (new Set(selected().map((s) => s.tutorId)).size > 1 ? 'Choose sessions with the same tutor: one report covers one tutor.' : '');
  return { selected, isSelected, toggle, problem, reporting, setReporting, clear: () => setSelected([]) };
}

export function ReportBar(props: { picker: ReturnType<typeof createSessionPicker> }) {
  const navigate = useNavigate();
  const count = () => props.picker.selected().length;
  return (
    <>
      <div class="report-bar" role="region" aria-label="Selected sessions">
        <span>{count() ? `${count()} session${count() === 1 ? '' : 's'} selected` : 'Select completed sessions to report an issue.'}</span>
        <Show when={props.picker.problem()}>
          <span class="error-inline" role="alert">{props.picker.problem()}</span>
        </Show>
        <button type="button" class="primary" disabled={!count() || !!props.picker.problem()} onClick={() => props.picker.setReporting(true)}>
          Report an issue
        </button>
      </div>
      <Show when={props.picker.reporting()}>
        <Dialog title="Report an issue" onClose={() => props.picker.setReporting(false)}>
          <ReportIssueForm
            sessionIds={props.picker.selected().map((s) => s.id)}
            onCancel={() => props.picker.setReporting(false)}
            onDone={(ticket) => {
              props.picker.setReporting(false);
              props.picker.clear();
              navigate(`/tickets/${ticket.id}`);
            }}
          />
        </Dialog>
      </Show>
    </>
  );
}
