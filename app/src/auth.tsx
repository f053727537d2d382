// Who is logged in: loaded once from GET /api/auth/me, updated on login and logout.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Me } from '../../shared/api';
import { api, setCsrfToken, setUnauthorizedHandler } from './api';
import { queryClient } from './useRequest';
import { invalidateUnits } from './unitsCache';

interface AuthState {
  /** undefined while loading, null when nobody is logged in */
  me: Me | null | undefined;
  setMe: (me: Me | null) => void;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const who = useRef<number | null>(null);
  const setMe = useCallback((m: Me | null) => {
    setCsrfToken(m?.csrfToken ?? null);
    // another user (or none): nothing read for the one before is kept
    if ((m?.id ?? null) !== who.current) {
      who.current = m?.id ?? null;
      queryClient.clear();
      invalidateUnits();
    }
    setMeState(m);
  }, []);
  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    api.me().then(setMe, () => setMe(null));
  }, [setMe]);
  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setMe(null);
    }
  }, [setMe]);
  const value = useMemo(() => ({ me, setMe, logout }), [me, setMe, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The logged-in user; only for screens behind RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
