import { createResource, createSignal, Show } from 'solid-js';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type Column, ListTable } from '../../components/ListTable';
import { ApiKeysQuery, CreateApiKeyMutation, RevokeApiKeyMutation } from '../../graphql/admin';
import { mutate, query } from '../../lib/client';
import { formatDateTime } from '../../lib/format';
import { createSubmit } from '../../lib/submit';

const COLUMNS: Column[] = ['Name', 'Key', 'Scopes', 'Created', 'Last used', 'State', { label: 'Actions', hidden: true }];

/** Partner API keys: the plain key is shown once, right after creating it. */
export default function ApiKeysPage() {
  const [keys, { refetch }] = createResource(() => query(ApiKeysQuery, {}).then((d) => d.apiKeys));
  const [name, setName] = createSignal('');
  const [canWrite, setCanWrite] = createSignal(false);
  const [created, setCreated] = createSignal<{ name: string; key: string } | null>(null);
  const { busy, error, run, onSubmit } = createSubmit();

  const create = onSubmit(
    async () => {
      const { createApiKey } = await mutate(CreateApiKeyMutation, { name: name().trim(), scopes: canWrite() ? ['read', 'write'] : ['read'] });
      setCreated({ name: createApiKey.apiKey.name, key: createApiKey.key });
      setName('');
      await refetch();
    },
    () => !name().trim() && 'Name the key after the partner app that will use it.',
  );
  const revoke = async (id: string, keyName: string) => {
    if (!confirm(`Revoke "${keyName}"? Apps using it stop working at once.`)) return;
    await run(async () => {
      await mutate(RevokeApiKeyMutation, { id });
      await refetch();
    });
  };

  return (
    <section aria-labelledby="keys-title">
      <div class="page-head">
        <h1 id="keys-title">API keys</h1>
      </div>
      <form class="card inline-form" onSubmit={create} aria-label="Create an API key">
        <label>
          Name
          <input value={name()} onInput={(e) => setName(e.currentTarget.value)} placeholder="Partner app" />
        </label>
        <label class="checkbox">
          <input type="checkbox" checked={canWrite()} onChange={(e) => setCanWrite(e.currentTarget.checked)} />
          May write (report issues, resolve)
        </label>
        <button type="submit" class="primary" disabled={busy()}>Create key</button>
      </form>
      <ErrorNotice error={error()} />
      <Show when={created()}>
        {(c) => (
          <div class="card key-once" role="status">
            <p>
              The key for <strong>{c().name}</strong>. Copy it now: it is shown only this once.
            </p>
            <code class="secret" tabindex="0">{c().key}</code>
            <div class="form-actions">
              <button type="button" onClick={() => void navigator.clipboard?.writeText(c().key)}>Copy</button>
              <button type="button" onClick={() => setCreated(null)}>Done</button>
            </div>
          </div>
        )}
      </Show>
      <ErrorNotice error={keys.error} retry={refetch} />
      <ListTable
        columns={COLUMNS}
        each={keys.latest ?? []}
        loading={keys.loading}
        empty="No API keys."
      >
        {(k) => (
          <tr classList={{ inactive: !!k.revokedAt }}>
            <th scope="row" data-label="Name">{k.name}</th>
            <td data-label="Key"><code>{k.prefix}…</code></td>
            <td data-label="Scopes">{k.scopes.join(', ')}</td>
            <td data-label="Created">{formatDateTime(k.createdAt)}</td>
            <td data-label="Last used">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never'}</td>
            <td data-label="State">{k.revokedAt ? `Revoked ${formatDateTime(k.revokedAt)}` : 'Active'}</td>
            <td><div class="row-actions">
              <Show when={!k.revokedAt}>
                <button type="button" class="danger" onClick={() => void revoke(k.id, k.name)} aria-label={`Revoke ${k.name}`}>Revoke</button>
              </Show>
            </div></td>
          </tr>
        )}
      </ListTable>
    </section>
  );
}
