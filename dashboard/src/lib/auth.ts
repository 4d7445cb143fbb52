import { createSignal } from 'solid-js';

export type Role = 'LEARNER' | 'PARENT' | 'TUTOR' | 'COORDINATOR' | 'ADMIN';
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
}

// The session is an HttpOnly cookie the server sets at sign-in: no script here (or injected) can
// read it. Only who is signed in is kept, so a reload shows the right pages; the first refused
// request signs out.
const VIEWER_KEY = 'tickets.viewer';
/** Sent with every request: the server takes the session cookie only with it (CSRF protection). */
export const CSRF_HEADERS: Record<string, string> = { 'x-tickets-csrf': '1' };

function readViewer(): Viewer | null {
  try {
    return JSON.parse(localStorage.getItem(VIEWER_KEY) ?? 'null');
  } catch {
    return null;
  }
}

const [viewer, setViewer] = createSignal<Viewer | null>(readViewer());
export { viewer };

export function signIn(user: Viewer) {
  localStorage.setItem(VIEWER_KEY, JSON.stringify(user));
  setViewer(user);
}

export function signOut() {
  localStorage.removeItem(VIEWER_KEY);
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
