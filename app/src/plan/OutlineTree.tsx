// The plan's outline (chapters, sections) as a tree; selecting a node filters the tasks.
import { useMemo } from 'react';
import { Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import type { PlanDetail } from '../../../shared/api';

type Node = PlanDetail['outline'][number];

export function buildTree(outline: Node[], maxLevel = 3): DataNode[] {
  const byParent = new Map<number | null, Node[]>();
  for (const n of outline) {
    if (n.level > maxLevel) continue;
    const list = byParent.get(n.parentId) ?? [];
    list.push(n);
    byParent.set(n.parentId, list);
  }
  const ids = new Set(outline.filter((n) => n.level <= maxLevel).map((n) => n.id));
  const build = (parent: number | null): DataNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((n) => ({
        key: n.id,
        title: (
          <span className="outline-title" title={`${n.marker}${n.title}`}>
            <span className="marker">{n.marker}</span>
            {n.title}
          </span>
        ),
        children: build(n.id),
      }));
  // nodes whose parent is deeper than maxLevel or missing hang at the top
  const roots = outline.filter((n) => n.level <= maxLevel && (n.parentId === null || !ids.has(n.parentId)));
  const top = build(null);
  const orphanRoots = roots.filter((n) => n.parentId !== null);
  return [...top, ...orphanRoots.map((n) => ({ key: n.id, title: `${n.marker}${n.title}`, children: build(n.id) }))];
}

export function OutlineTree({ outline, selected, onSelect }: { outline: Node[]; selected: number | null; onSelect: (id: number | null) => void }) {
  const data = useMemo(() => buildTree(outline), [outline]);
  const expanded = useMemo(() => outline.filter((n) => n.level === 1).map((n) => n.id), [outline]);
  if (!outline.length) return <div className="muted" style={{ padding: 8 }}>该规划没有识别出章节结构</div>;
  return (
    <Tree
      blockNode
      defaultExpandedKeys={expanded}
      selectedKeys={selected ? [selected] : []}
      treeData={data}
      onSelect={(keys) => onSelect(keys.length ? Number(keys[0]) : null)}
      aria-label="规划提纲"
    />
  );
}
