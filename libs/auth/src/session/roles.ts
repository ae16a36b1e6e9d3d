import { Role } from '@kakehashi/kernel';

/** Roles an account's role grants: an administrator is also a coordinator. */
export function rolesOf(role: Role): Role[] {
  return role === Role.ADMIN ? [Role.ADMIN, Role.COORDINATOR] : [role];
}
