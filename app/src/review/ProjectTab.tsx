// 项目 tab of the import review: projects grouped by their 专栏; candidates found in the text last.
import { useEffect, useMemo } from 'react';
import { Button, Empty, Popconfirm, Tag } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { ImportCorrection } from '../api';
import type { ParsedProject } from '../../../shared/parsedPlan';

export function groupProjects<T extends { kind: string; column: string | null }>(projects: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const p of projects) {
    const key = p.kind === 'inline' ? '正文中提及的项目(待确认)' : (p.column ?? '未归入专栏');
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()].sort((a, b) => Number(a[0].startsWith('正文')) - Number(b[0].startsWith('正文')));
}

export function ProjectTab({ projects, selected, onSelect, apply, readOnly }: { projects: ParsedProject[]; selected: string | null; onSelect: (id: string) => void; apply: (c: ImportCorrection[]) => Promise<void>; readOnly?: boolean }) {
  const groups = useMemo(() => groupProjects(projects), [projects]);
  useEffect(() => {
    if (selected) setTimeout(() => document.getElementById(`project-${selected}`)?.scrollIntoView({ block: 'nearest' }), 30);
  }, [selected]);
  if (!projects.length) return <Empty description="没有识别到项目" />;
  return (
    <div>
      {groups.map(([title, list]) => (
        <section key={title} style={{ marginBottom: 12 }}>
          <h4 style={{ margin: '8px 0 4px', fontSize: 14 }}>
            {title} <span className="muted">({list.length})</span>
          </h4>
          {list.map((p) => (
            <div
              key={p.id}
              id={`project-${p.id}`}
              role="button"
              tabIndex={0}
              aria-pressed={p.id === selected}
              className={p.id === selected ? 'project-item selected' : 'project-item'}
              onClick={() => onSelect(p.id)}
              onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && onSelect(p.id)}
            >
              <div style={{ flex: 1, minWidth: 0 }}>
                {p.group && <Tag>{p.group}</Tag>}
                <strong>{p.name}</strong>
                {p.text && p.text !== p.name && <div className="muted clamp-2" style={{ fontSize: 12 }}>{p.text}</div>}
              </div>
              {!readOnly && (<span onClick={(e) => e.stopPropagation()}>
                <Popconfirm title="删除这个项目?" okText="删除" cancelText="取消" onConfirm={() => apply([{ op: 'removeProject', id: p.id }]).catch(() => undefined)}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label="删除项目" />
                </Popconfirm>
              </span>)}
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
