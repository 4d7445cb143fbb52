import { selection } from './selection';

/** The card's checkbox for bulk actions (beside the card's link, not inside it). */
export function SelectBox(props: { ticketId: string; label: string }) {
  return (
    <input
      type="checkbox"
      class="card-select"
      data-testid="card-select"
      aria-label={`Select ${props.label}`}
      checked={selection.has(props.ticketId)}
      onClick={(event) => {
        event.stopPropagation();
        selection.click(props.ticketId, event.shiftKey);
        event.currentTarget.checked = selection.has(props.ticketId);
      }}
    />
  );
}
