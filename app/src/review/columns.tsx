import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import type { ColumnType, ColumnsType } from 'antd/es/table';

/** Drop the 操作 (edit/remove) column when the review can no longer be changed. */
export function withOps<T>(columns: ColumnsType<T>, readOnly?: boolean): ColumnsType<T> {
  return readOnly ? columns.filter((c) => c.key !== 'op') : columns;
}

/** The 操作 column of a review table: edit, and remove after a confirmation; `noun` names the row (指标, 目标). */
export function opsColumn<T>(noun: string, onEdit: (row: T) => void, onRemove: (row: T) => void): ColumnType<T> {
  return {
    title: '操作',
    key: 'op',
    width: 76,
    render: (_, r) => (
      <Space size={0} onClick={(e) => e.stopPropagation()}>
        <Tooltip title="修改">
          <Button type="text" size="small" icon={<EditOutlined />} aria-label={`修改${noun}`} onClick={() => onEdit(r)} />
        </Tooltip>
        <Popconfirm title={`删除这个${noun}?`} okText="删除" cancelText="取消" onConfirm={() => onRemove(r)}>
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除${noun}`} />
        </Popconfirm>
      </Space>
    ),
  };
}
