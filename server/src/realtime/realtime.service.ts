import type { MikroORM } from '@mikro-orm/postgresql';
import { RealtimeHub } from './hub';
import { LiveConnections } from './live-connections';
import { type ListenerOptions, RealtimeListener } from './listener';

export interface RealtimeOptions extends ListenerOptions {
  /** How often open connections are checked for closed accounts and revoked keys. */
  accountRecheckMs?: number;
  /** Presence changes named by a NOTIFY (desk/presence). */
  onPresence?: (keys: string[]) => Promise<void>;
}

/** Live updates of one instance: the LISTEN connection, the hub that fans out, the open sockets. */
export interface Realtime {
  hub: RealtimeHub;
  listener: RealtimeListener;
  connections: LiveConnections;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createRealtime(orm: MikroORM, options: RealtimeOptions = {}): Realtime {
  const hub = new RealtimeHub(orm);
  const connections = new LiveConnections(orm);
  // A margin for transactions that began before the connection was lost but committed after.
  const IN_FLIGHT_MARGIN_MS = 60_000;
  const listener = new RealtimeListener(
    orm.config.get('clientUrl')!,
    {
      changed: async (payload) => {
        await hub.eventsCommitted(payload.e);
        await hub.notificationsCommitted(payload.n);
        if (payload.p?.length) await options.onPresence?.(payload.p);
      },
      reconnected: async (aliveAt) => {
        await hub.catchUpEvents();
        await hub.catchUpNotifications(new Date(aliveAt.getTime() - IN_FLIGHT_MARGIN_MS));
      },
    },
    options,
  );
  return {
    hub,
    listener,
    connections,
    async start() {
      await hub.init();
      await listener.start();
      connections.startRechecking(options.accountRecheckMs ?? 30_000);
    },
    async close() {
      connections.stop();
      await listener.stop();
      hub.close();
    },
  };
}
