import { createSignal } from 'solid-js';
import { setLocale } from './i18n';

export type Role = 'LEARNER' | 'PARENT' | 'TUTOR' | 'COORDINATOR' | 'ADMIN';
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** The language the dashboard speaks to them (User.locale). */
  locale?: string;
}

// The token lives in localStorage so a reload keeps the user signed in (Bearer tokens, no cookies).
const TOKEN_KEY = 'tickets.token';
const VIEWER_KEY = 'tickets.viewer';

function readViewer(): Viewer | null {
  try {
    return JSON.parse(localStorage.getItem(VIEWER_KEY) ?? 'null');
  } catch {
    return null;
  }
}

const [token, setToken] = createSignal<string | null>(localStorage.getItem(TOKEN_KEY));
const [viewer, setViewer] = createSignal<Viewer | null>(token() ? readViewer() : null);
export { token, viewer };
setLocale(viewer()?.locale ?? (typeof navigator === 'undefined' ? 'en' : navigator.language));

export function signIn(newToken: string, user: Viewer) {
  localStorage.setItem(TOKEN_KEY, newToken);
  localStorage.setItem(VIEWER_KEY, JSON.stringify(user));
  setToken(newToken);
  setViewer(user);
  setLocale(user.locale);
}

/** The signed-in person's own details changed (their profile). */
export function updateViewer(changes: Partial<Pick<Viewer, 'name' | 'locale'>>) {
  const current = viewer();
  if (!current) return;
  const next = { ...current, ...changes };
  localStorage.setItem(VIEWER_KEY, JSON.stringify(next));
  setViewer(next);
  if (changes.locale) setLocale(changes.locale);
}

export function signOut() {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(VIEWER_KEY);
  setToken(null);
  setViewer(null);
}

export const isStaff = (role: Role | undefined) => role === 'COORDINATOR' || role === 'ADMIN';
export const isFamily = (role: Role | undefined) => role === 'PARENT' || role === 'LEARNER';

/** Where each role lands after signing in. */
export function homeFor(role: Role): string {
  switch (role) {
    case 'COORDINATOR':
      return '/board';
    case 'ADMIN':
      return '/admin/escalated';
    case 'TUTOR':
      return '/reported-issues';
    default:
      return '/sessions';
  }
}
