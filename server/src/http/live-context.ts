import type { Viewer } from '../auth/viewer';
import { type Context, type Services, createContext } from '../graphql/context';

let perRequestKeys: Array<keyof Context> | undefined;

/** The context parts made afresh per request: everything but who is asking and the services. */
function keysToRenew(services: Services): Array<keyof Context> {
  perRequestKeys ??= (Object.keys(createContext(services, null)) as Array<keyof Context>).filter((k) => k !== 'viewer' && k !== 'services');
  return perRequestKeys;
}

const fresh = new WeakMap<Context, { state: Context | undefined }>();

/**
 * A context for an operation on a WebSocket. Its identity map and loaders are made on first use:
 * a subscription waiting for events holds none (thousands wait at once), and an event whose
 * selection needs no database makes none.
 */
export function createLiveContext(services: Services, viewer: Viewer | null): Context {
  const ctx = { services, viewer } as Context;
  const slot: { state: Context | undefined } = { state: undefined };
  const current = () => (slot.state ??= createContext(services, viewer));
  for (const key of keysToRenew(services)) {
    Object.defineProperty(ctx, key, {
      enumerable: true,
      get: () => current()[key],
      set: (value) => {
        (current() as unknown as Record<string, unknown>)[key] = value;
      },
    });
  }
  fresh.set(ctx, slot);
  return ctx;
}

/**
 * A subscription keeps one context for its whole life; each event gets a fresh identity map and
 * fresh loaders, so what it resolves is current rather than cached from an earlier event.
 */
export function renewForEvent(ctx: Context): void {
  const slot = fresh.get(ctx);
  if (slot) slot.state = undefined;
}
