/**
 * One subscriber's queue of events as an async iterator (what a GraphQL subscription consumes).
 * Lighter than a general pub/sub iterator: thousands of these live at once. A subscriber that
 * falls `maxBuffered` events behind is ended with an error rather than growing without bound.
 */
export class EventStream<T> implements AsyncIterableIterator<T> {
  private readonly buffer: T[] = [];
  private waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;
  private ended = false;

  constructor(
    private readonly onEnd: () => void,
    private readonly maxBuffered = 1000,
  ) {}

  get isEnded(): boolean {
    return this.ended;
  }

  push(value: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value, done: false });
    } else if (this.buffer.length >= this.maxBuffered) {
      this.fail(new Error('Too many undelivered events: the subscription was ended'));
    } else {
      this.buffer.push(value);
    }
  }

  /** Ends the stream with an error the subscriber receives once the buffer is drained. */
  fail(error: Error): void {
    if (this.ended) return;
    this.failure = error;
    if (this.waiting) {
      const { reject } = this.waiting;
      this.waiting = null;
      this.finish();
      reject(error);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.buffer.length) return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    if (this.failure) {
      const error = this.failure;
      this.failure = null;
      this.finish();
      return Promise.reject(error);
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.finish();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.buffer.length = 0;
    this.waiting?.resolve({ value: undefined, done: true });
    this.waiting = null;
    this.onEnd();
  }
}
