// Navigation entries for running and evaluating a plan, by role.
import type { Me } from '../../../shared/api';
import { canReport, canReview, canSeeEvaluation } from './runPermissions';

export function runNav(me: Me): { key: string; label: string }[] {
  const items: { key: string; label: string }[] = [];
  if (canReport(me)) items.push({ key: '/reports', label: '我的报送' }, { key: '/batch-report', label: '批量填报' });
  if (canReview(me)) items.push({ key: '/board', label: '报送看板' });
  items.push({ key: '/notices', label: '督办' });
  if (canSeeEvaluation(me)) items.push({ key: '/evaluation', label: '考核评估' });
  return items;
}
