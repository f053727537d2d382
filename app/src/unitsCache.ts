// The unit registry, loaded once per page view and shared by the screens that need names or pickers.
import type { Unit } from '../../shared/api';
import { api } from './api';

let cached: Promise<Unit[]> | null = null;

export function loadUnits(): Promise<Unit[]> {
  if (!cached) cached = api.units().then((r) => r.items, (e) => ((cached = null), Promise.reject(e)));
  return cached;
}

export function invalidateUnits(): void {
  cached = null;
}
