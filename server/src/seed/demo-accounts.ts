import { Role } from '../auth/roles';

export const DEMO_PASSWORD = 'demo1234';

/** The accounts API.md promises; the seed creates them with DEMO_PASSWORD. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.test', name: 'Ada Admin', role: Role.ADMIN },
  { email: 'coordinator@demo.test', name: 'Cora Coordinator', role: Role.COORDINATOR },
  { email: 'tutor@demo.test', name: 'Tomas Tutor', role: Role.TUTOR },
  { email: 'tutor2@demo.test', name: 'Tessa Tutor', role: Role.TUTOR },
  { email: 'parent@demo.test', name: 'Paula Novak', role: Role.PARENT },
  { email: 'parent2@demo.test', name: 'Peter Berg', role: Role.PARENT },
  { email: 'learner@demo.test', name: 'Lena Learner', role: Role.LEARNER },
] as const;
