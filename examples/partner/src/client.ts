import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { TypedDocumentString } from './generated/graphql';
import { SignIn } from './operations';

/**
 * The smallest typed client: POST /graphql for queries and mutations, graphql-ws for subscriptions,
 * both with the API key as a Bearer token. Errors carry the server's `extensions.code`.
 */
export class TicketsClient {
  constructor(private readonly baseUrl: string, private readonly apiKey: string) {}

  /** A client acting as a person (reports come from learners and parents; API keys act as their admin). */
  static async signIn(baseUrl: string, email: string, password: string): Promise<TicketsClient> {
    const { login } = await new TicketsClient(baseUrl, '').request(SignIn, { email, password });
    return new TicketsClient(baseUrl, login.token);
  }

  async request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}) },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const body = (await response.json()) as { data?: R; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (body.errors?.length) {
      const [first] = body.errors;
      throw Object.assign(new Error(first.message), { code: first.extensions?.code });
    }
    return body.data as R;
  }

  /** Calls `onEvent` for every change the key may see; returns the function that stops it. */
  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, onEvent: (data: R) => void, onError: (error: unknown) => void = console.error): () => void {
    const ws = createClient({
      url: `${this.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.apiKey}` },
      retryAttempts: Infinity,
    });
    const stop = ws.subscribe<R>({ query: document.toString(), variables: variables as Record<string, unknown> }, {
      next: (result) => (result.data ? onEvent(result.data as R) : onError(result.errors)),
      error: onError,
      complete: () => undefined,
    });
    return () => {
      stop();
      void ws.dispose();
    };
  }
}
