import { registerEnumType } from 'type-graphql';

export enum Role {
  LEARNER = 'LEARNER',
  PARENT = 'PARENT',
  TUTOR = 'TUTOR',
  COORDINATOR = 'COORDINATOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role' });

export const STAFF_ROLES: readonly Role[] = [Role.COORDINATOR, Role.ADMIN];
export const isStaff = (role: Role) => STAFF_ROLES.includes(role);
