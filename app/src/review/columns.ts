import type { ColumnsType } from 'antd/es/table';

/** Drop the 操作 (edit/remove) column when the review can no longer be changed. */
export function withOps<T>(columns: ColumnsType<T>, readOnly?: boolean): ColumnsType<T> {
  return readOnly ? columns.filter((c) => c.key !== 'op') : columns;
}
