import { SetMetadata } from '@nestjs/common';
import type { Role } from '@kakehashi/kernel';

export const POLICY_KEY = 'kakehashi:policy';

export type Policy = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, signed in or not, may call this operation. */
export const Public = () => SetMetadata(POLICY_KEY, { kind: 'public' } satisfies Policy);

/** Only actors holding one of these roles may call this operation. */
export const Allow = (...roles: Role[]) => SetMetadata(POLICY_KEY, { kind: 'roles', roles } satisfies Policy);
