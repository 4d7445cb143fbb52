import './evidence.css';
import { createResource, For, onCleanup, Show } from 'solid-js';
import { AttachEvidenceMutation, TicketEvidenceQuery } from '../../graphql/evidence';
import type { TicketEvidenceQuery as EvidenceData } from '../../graphql/generated/graphql';
import { ErrorNotice } from '../../components/ErrorNotice';
import { mutate, query } from '../../lib/client';
import { formatDateTime } from '../../lib/format';
import { fileObjectUrl, formatSize, uploadFile } from '../../lib/files';
import { createSubmit } from '../../lib/submit';

type Attachment = NonNullable<EvidenceData['ticket']>['attachments'][number];

/** An image shows as a thumbnail; anything else (and a click on a thumbnail) downloads. */
function AttachmentItem(props: { file: Attachment }) {
  const isImage = () => props.file.contentType.startsWith('image/');
  const [src] = createResource(() => (isImage() ? props.file.url : false), fileObjectUrl);
  onCleanup(() => src() && URL.revokeObjectURL(src()!));
  const download = async () => {
    const url = await fileObjectUrl(props.file.url);
    const link = Object.assign(document.createElement('a'), { href: url, download: props.file.filename });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <li class="evidence-item">
      <button type="button" class="link-button" onClick={() => void download()} title={`Download ${props.file.filename}`}>
        <Show when={isImage() && src()} fallback={<span class="evidence-icon" aria-hidden="true">{props.file.contentType === 'application/pdf' ? 'PDF' : 'TXT'}</span>}>
          <img class="evidence-thumb" src={src()} alt={props.file.filename} />
        </Show>
        <span class="evidence-name">{props.file.filename}</span>
      </button>
      <span class="muted small">{props.file.uploadedBy.name} · {formatSize(props.file.size)} · {formatDateTime(props.file.createdAt)}</span>
    </li>
  );
}

function Side(props: { title: string; files: Attachment[] }) {
  return (
    <div class="evidence-side">
      <h3>{props.title}</h3>
      <Show when={props.files.length} fallback={<p class="muted small">No files.</p>}>
        <ul class="evidence-list"><For each={props.files}>{(file) => <AttachmentItem file={file} />}</For></ul>
      </Show>
    </div>
  );
}

/** Evidence on a ticket: the reporter's and the tutor's files side by side, and a way to add more before the due time. */
export function EvidenceFiles(props: { ticketId: string; version: number }) {
  const [data, { refetch }] = createResource(() => [props.ticketId, props.version] as const, ([id]) => query(TicketEvidenceQuery, { id }).then((d) => d.ticket));
  const { busy, error, onSubmit } = createSubmit();
  let input: HTMLInputElement | undefined;
  const files = (side: string) => (data.latest?.attachments ?? []).filter((file) => file.side === side);
  const chosen = () => [...(input?.files ?? [])];
  const send = onSubmit(
    async () => {
      const uploads = await Promise.all(chosen().map(uploadFile));
      await mutate(AttachEvidenceMutation, { ticketId: props.ticketId, uploadIds: uploads.map((u) => u.id), comment: null });
      if (input) input.value = '';
      await refetch();
    },
    () => !chosen().length && 'Choose a file first.',
  );
  return (
    <section class="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence files</h2>
      <div class="evidence-columns">
        <Side title="Reporter" files={files('REPORTER')} />
        <Side title="Tutor" files={files('TUTOR')} />
      </div>
      <Show when={files('STAFF').length}>
        <Side title="Staff" files={files('STAFF')} />
      </Show>
      <Show when={data.latest?.viewerCan.attachEvidence && data.latest.evidenceDueAt}>
        {(due) => (
          <form class="evidence-form" onSubmit={send}>
            <label>
              Add files (PNG, JPEG, WebP, PDF or text, up to 10 MB) until {formatDateTime(due())}
              <input ref={input} type="file" multiple accept="image/png,image/jpeg,image/webp,application/pdf,text/plain" />
            </label>
            <div class="form-actions"><button type="submit" disabled={busy()}>{busy() ? 'Uploading…' : 'Attach'}</button></div>
          </form>
        )}
      </Show>
      <ErrorNotice error={error()} />
    </section>
  );
}
