import type { Tx } from '../db/transaction';

/** A listener runs inside the transaction that raised the event; what it writes commits or rolls back with it. */
export type Listener<E> = (tx: Tx, event: E) => void | Promise<void>;

/**
 * Typed in-process events (chatwoot's dispatcher, without its async queue): `raise` awaits every
 * listener of the event's type in registration order, inside the raiser's transaction, so a
 * listener's rows exist exactly when the change commits and a listener's error rolls it back.
 * Listeners are named: registering a name again replaces it (a process that builds its services
 * twice, as tests do, still writes each row once).
 */
export class Dispatcher<E extends { type: string }> {
  private readonly listeners = new Map<E['type'], Map<string, Listener<E>>>();

  on<T extends E['type']>(type: T, name: string, listener: Listener<Extract<E, { type: T }>>): this {
    if (!this.listeners.has(type)) this.listeners.set(type, new Map());
    this.listeners.get(type)!.set(name, listener as Listener<E>);
    return this;
  }

  async raise(tx: Tx, event: E): Promise<void> {
    for (const listener of this.listeners.get(event.type as E['type'])?.values() ?? []) await listener(tx, event);
  }

  /** The names listening to each type, in the order they run (for docs and tests). */
  registered(): Record<string, string[]> {
    return Object.fromEntries([...this.listeners].map(([type, byName]) => [type, [...byName.keys()]]));
  }
}
