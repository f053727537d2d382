// Pieces the home pages share: the counts at the top (each a link to its list), a titled list, a deadline in working days.
import { useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { deadline } from '../format';
import type { DeadlineOut } from './homeApi';

export interface Count {
  key: string;
  /** the list it jumps to (default: its key) */
  target?: string;
  title: string;
  value: number;
  suffix: string;
  /** red when not zero */
  alert?: boolean;
}

/** Counts first: each one jumps to its list below. */
export function HomeCounts({ items }: { items: Count[] }) {
  return (
    <nav className="home-counts" aria-label="待办数量">
      {items.map((c) => (
        <a key={c.key} href={`#home-${c.target ?? c.key}`} className={c.alert && c.value > 0 ? 'home-count alert' : 'home-count'}>
          <span className="home-count-title">{c.title}</span>
          <span className="home-count-value">
            {c.value}
            <small>{c.suffix}</small>
          </span>
        </a>
      ))}
    </nav>
  );
}

export function HomeSection({ id, title, count, extra, empty, children }: { id: string; title: string; count?: ReactNode; extra?: ReactNode; empty?: string | false; children?: ReactNode }) {
  return (
    <section className="run-section home-section" id={`home-${id}`} aria-labelledby={`home-${id}-title`}>
      <div className="home-section-head">
        <h3 id={`home-${id}-title`}>
          {title}
          {count !== undefined && <span className="home-section-count">{count}</span>}
        </h3>
        {extra}
      </div>
      {empty ? <p className="muted home-empty">{empty}</p> : children}
    </section>
  );
}

/** A deadline with the working days left, or overdue by; `done` when nothing is left to do for it. */
export function DeadlineText({ d, done = false }: { d: DeadlineOut; done?: boolean }) {
  const date = deadline(d.date);
  if (done) return <span className="muted">截止{date}</span>;
  if (d.overdue) return <span className="countdown late">截止{date},已逾期{d.workingDays < 0 ? ` ${-d.workingDays} 个工作日` : ''}</span>;
  if (d.workingDays === 0) return <span className="countdown soon">今天截止({date})</span>;
  if (d.workingDays < 0) return <span className="muted">截止{date}</span>;
  return (
    <span className={d.workingDays <= 3 ? 'countdown soon' : 'countdown'}>
      截止{date},还剩 {d.workingDays} 个工作日
    </span>
  );
}

/** The first `n` items, and a link to show the rest (counts stay first; a long list does not push the others away). */
export function useExpand<T>(items: T[], n: number, unit = '项'): { shown: T[]; toggle: ReactNode } {
  const [all, setAll] = useState(false);
  return {
    shown: all ? items : items.slice(0, n),
    toggle:
      items.length > n ? (
        <Button type="link" size="small" className="home-expand" onClick={() => setAll(!all)}>
          {all ? '收起' : `显示全部 ${items.length} ${unit}`}
        </Button>
      ) : null,
  };
}
