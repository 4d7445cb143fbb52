import { createSignal } from 'solid-js';

/** What the form says instead of sending, or nothing when the input may go. */
type Check = () => string | false | null | undefined;

/**
 * The one way a form (or an action button) sends something to the server: `busy` while it runs,
 * to disable the button, and `error` when it failed: the ApiError as thrown, or a message from the
 * form's own check. Show it with <ErrorNotice>, which puts it into words. Each run clears the last
 * error. `reword` turns a failure into words of the form's own (e.g. at sign-in).
 */
export function createSubmit(reword: (error: unknown) => unknown = (error) => error) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);

  /** Runs `action` (the mutation and what follows its success); resolves true when it went through. */
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(reword(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  /** A form's onSubmit: no page load; a message from `check` is shown and nothing is sent. */
  const onSubmit = (action: () => Promise<unknown>, check?: Check) => (event: Event) => {
    event.preventDefault();
    const problem = check?.();
    if (problem) setError(problem);
    else void run(action);
  };

  return { busy, error, setError, run, onSubmit };
}
