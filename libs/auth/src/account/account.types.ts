import type { Role } from '@kakehashi/kernel';

/** An account as clients see it (never the password hash). */
export interface AccountView {
  id: string;
  /** Null only for the ADMIN_TOKEN pseudo-account. */
  email: string | null;
  role: Role;
  /** Keys of the municipalities an editor may change. */
  municipalityKeys: string[];
  demo: boolean;
  disabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date | null;
}

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
  municipalityKeys?: readonly string[];
  demo?: boolean;
}
