// The home pages' reads; the answers are typed by the server's contracts (shared/home.ts).
import type { DistrictHome, OfficeHome, UnitHome } from '../../../shared/home';
import { request } from '../api';

export type { DeadlineOut, DistrictHome, OfficeHome, UnitHome } from '../../../shared/home';

export const homeApi = {
  office: () => request<OfficeHome>('/api/home/office'),
  unit: () => request<UnitHome>('/api/home/unit'),
  district: () => request<DistrictHome>('/api/home/district'),
};
