// The reporting period in force: due date (working-day adjusted, with the nominal date when moved), countdown and state.
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { deadline } from '../format';
import type { PeriodOut } from './runApi';
import { periodStateColors, periodStateLabels } from './runLabels';

export function daysLeft(due: string, today = dayjs().format('YYYY-MM-DD')): number {
  return dayjs(due).diff(dayjs(today), 'day');
}

export function Countdown({ period }: { period: PeriodOut }) {
  if (period.state === 'locked' || period.state === 'closed') return <span className="muted">已停止报送</span>;
  if (period.state === 'upcoming') return <span className="muted">{deadline(period.opensOn)}开始报送</span>;
  const n = daysLeft(period.dueDate);
  if (n > 0) return <strong className={n <= 3 ? 'countdown soon' : 'countdown'}>距截止还有 {n} 天</strong>;
  if (n === 0) return <strong className="countdown soon">今天截止</strong>;
  return <strong className="countdown late">已过截止日 {-n} 天,{deadline(period.locksOn)}起锁定</strong>;
}

export function PeriodBanner({ period }: { period: PeriodOut }) {
  const moved = period.nominalDueDate && period.nominalDueDate !== period.dueDate;
  return (
    <div className="period-banner" role="status">
      <span className="period-label">{period.label}报送期</span>
      <Tag color={periodStateColors[period.state]}>{periodStateLabels[period.state] ?? period.state}</Tag>
      <span>
        截止日期:<strong>{deadline(period.dueDate)}</strong>
        {moved ? <span className="muted">(原定{deadline(period.nominalDueDate)},遇节假日按工作日调整)</span> : null}
      </span>
      <Countdown period={period} />
      {period.lockOverride ? <Tag>{period.lockOverride === 'locked' ? '规划办已手动锁定' : '规划办已手动解锁'}</Tag> : null}
    </div>
  );
}
