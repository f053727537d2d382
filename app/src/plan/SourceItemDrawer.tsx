// An indicator, target or project opened from the 原文 tab: what was saved for it and the sentence it comes from.
// (Tasks open in the task drawer.)
import type { ReactNode } from 'react';
import { Button, Descriptions, Drawer, Tag } from 'antd';
import type { Indicator, Project, Target } from '../api';
import { TargetValueText } from '../components/TargetValueText';
import { targetValue } from '../format';
import { attributeLabels, indicatorKindLabels, label, projectStatusLabels } from '../labels';
import { sourceKindLabels } from './sourceItems';

export type OpenItem =
  | { kind: 'indicator'; item: Indicator }
  | { kind: 'target'; item: Target }
  | { kind: 'project'; item: Project };

const listTab = { indicator: 'indicators', target: 'targets', project: 'projects' } as const;

interface Props {
  open: OpenItem | null;
  text: string;
  onClose: () => void;
  /** switch to the item's own list (指标 / 目标 / 项目 tab) */
  onShowList: (tab: string) => void;
}

export function SourceItemDrawer({ open, text, onClose, onShowList }: Props) {
  const quote = open?.item.source ? text.slice(open.item.source.start, open.item.source.end).trim() : '';
  return (
    <Drawer
      open={open !== null}
      onClose={onClose}
      title={open ? `${sourceKindLabels[open.kind]}详情` : ''}
      size={480}
      mask={false}
      destroyOnHidden
      extra={
        open && (
          <Button size="small" onClick={() => onShowList(listTab[open.kind])}>
            在{sourceKindLabels[open.kind]}列表中查看
          </Button>
        )
      }
    >
      {open && (
        <>
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }} items={itemRows(open)} />
          {quote && (
            <>
              <h4 style={{ margin: '16px 0 8px' }}>规划原文</h4>
              <blockquote className="quote">{quote}</blockquote>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

type Row = { key: string; label: string; children: ReactNode } | null;
const rows = (list: Row[]) => list.filter((r): r is NonNullable<Row> => r !== null);

function itemRows(open: OpenItem) {
  if (open.kind === 'indicator') {
    const x = open.item;
    return rows([
      { key: 'n', label: '指标名称', children: x.name },
      x.tableName ? { key: 't', label: '所在表格', children: x.tableName } : null,
      x.category ? { key: 'c', label: '类别', children: x.category } : null,
      { key: 'u', label: '计量单位', children: x.unit ?? '—' },
      { key: 'b', label: '基期值', children: `${x.baselineText ?? x.baselineValue ?? '—'}${x.baselineYear ? `(${x.baselineYear}年)` : ''}` },
      { key: 'g', label: '目标值', children: `${x.targetText ?? targetValue(x.comparator, x.targetValue, x.targetValueMax, null)}${x.targetYear ? `(${x.targetYear}年)` : ''}` },
      { key: 'a', label: '属性', children: x.attribute ? <Tag color={x.attribute === 'binding' ? 'red' : 'blue'}>{label(attributeLabels, x.attribute)}</Tag> : '—' },
      { key: 'k', label: '口径', children: label(indicatorKindLabels, x.kind) },
    ]);
  }
  if (open.kind === 'target') {
    const x = open.item;
    return rows([
      { key: 's', label: '目标事项', children: x.subject },
      { key: 'v', label: '目标值', children: <TargetValueText {...x} /> },
      { key: 'y', label: '年份', children: x.year ? `${x.year}年` : '—' },
    ]);
  }
  const x = open.item;
  return rows([
    { key: 'n', label: '项目名称', children: x.name },
    { key: 'c', label: '所属专栏', children: x.kind === 'inline' ? '正文中提及(待确认)' : (x.column ?? '未归入专栏') },
    x.group ? { key: 'g', label: '分组', children: x.group } : null,
    { key: 's', label: '状态', children: projectStatusLabels[x.status] ?? '—' },
    x.text && x.text !== x.name ? { key: 't', label: '建设内容', children: x.text } : null,
  ]);
}
