import { describe, expect, it } from 'vitest';
import { createSubmit } from '../../dashboard/src/lib/submit';

/** A promise the test settles by hand, to look at the state while an action runs. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const submitEvent = () => {
  const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
  return event;
};

describe('createSubmit', () => {
  it('is busy while the action runs, and reports success', async () => {
    const form = createSubmit();
    const action = deferred();
    const running = form.run(() => action.promise);
    expect(form.busy()).toBe(true);
    action.resolve();
    expect(await running).toBe(true);
    expect(form.busy()).toBe(false);
    expect(form.error()).toBeNull();
  });

  it('keeps the failure as the error, and the next run clears it', async () => {
    const form = createSubmit();
    const failure = new Error('Someone else changed this first.');
    expect(await form.run(() => Promise.reject(failure))).toBe(false);
    expect(form.error()).toBe(failure);
    expect(form.busy()).toBe(false);
    const action = deferred();
    const again = form.run(() => action.promise);
    expect(form.error()).toBeNull();
    action.resolve();
    await again;
  });

  it('rewords a failure when the form has words of its own', async () => {
    const form = createSubmit((error) => (error instanceof Error && error.message === 'expired' ? 'Wrong email or password.' : error));
    await form.run(() => Promise.reject(new Error('expired')));
    expect(form.error()).toBe('Wrong email or password.');
  });

  it('on submit, shows what the check says and sends nothing; else sends', async () => {
    const form = createSubmit();
    let sent = 0;
    let text = '';
    const submit = form.onSubmit(
      async () => void (sent += 1),
      () => !text.trim() && 'Write a comment first.',
    );
    const first = submitEvent();
    submit(first as unknown as Event);
    expect(first.defaultPrevented).toBe(true);
    expect(form.error()).toBe('Write a comment first.');
    expect(sent).toBe(0);

    text = 'Thanks';
    submit(submitEvent() as unknown as Event);
    await Promise.resolve();
    expect(sent).toBe(1);
    expect(form.error()).toBeNull();
  });
});
