// 项目: the plan's projects grouped by 专栏.
import { Collapse, Empty, Tag } from 'antd';
import type { Project } from '../api';
import { projectStatusLabels } from '../labels';
import { groupProjects } from '../review/ProjectTab';

export function ProjectList({ items }: { items: Project[] }) {
  if (!items.length) return <Empty description="该规划没有专栏项目" />;
  const groups = groupProjects(items);
  return (
    <Collapse
      defaultActiveKey={groups.slice(0, 3).map(([k]) => k)}
      items={groups.map(([title, list]) => ({
        key: title,
        label: (
          <span>
            {title} <span className="muted">({list.length} 项)</span>
          </span>
        ),
        children: (
          <div>
            {list.map((p) => (
              <div key={p.id} style={{ padding: '4px 0', borderBottom: '1px solid #f5f5f5' }}>
                {p.group && <Tag>{p.group}</Tag>}
                <strong>{p.name}</strong>
                {projectStatusLabels[p.status] && <Tag style={{ marginLeft: 6 }}>{projectStatusLabels[p.status]}</Tag>}
                {p.text && p.text !== p.name && <div className="muted" style={{ fontSize: 13 }}>{p.text}</div>}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}
