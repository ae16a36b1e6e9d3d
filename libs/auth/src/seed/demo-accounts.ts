import { Role } from '@kakehashi/kernel';
import type { NewAccount } from '../account/account.types';

/**
 * Demo accounts, created with the sample directory outside production (documented in README,
 * so never secret) and disabled whenever the service starts in production.
 */
export const DEMO_ACCOUNTS: readonly (NewAccount & { municipalityKeys: readonly string[] })[] = [
  { email: 'editor.kawasaki@demo.kakehashi.example', password: 'kawasaki-demo-editor', role: Role.EDITOR, municipalityKeys: ['kawasaki'], demo: true },
  { email: 'coordinator@demo.kakehashi.example', password: 'jica-demo-coordinator', role: Role.COORDINATOR, municipalityKeys: [], demo: true },
];
