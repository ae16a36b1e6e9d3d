import { useSyncExternalStore } from 'react';
import { session, type SessionState } from './session';

/** The session, re-rendering on sign-in and sign-out. */
export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}
