// 确认导入: choose the plan's status, see what will be created, then create the plan.
import { useState } from 'react';
import { Alert, Descriptions, Modal, Radio } from 'antd';
import type { ImportJob } from '../../../shared/api';

interface Props {
  open: boolean;
  job: ImportJob;
  toCreate: Set<string>;
  onCancel: () => void;
  onConfirm: (status: 'active' | 'draft', createUnits: string[]) => Promise<void>;
}

export function ConfirmImportModal({ open, job, toCreate, onCancel, onConfirm }: Props) {
  const [status, setStatus] = useState<'active' | 'draft'>('active');
  const [busy, setBusy] = useState(false);
  const p = job.parsed!;
  const unmapped = job.unknownUnits.filter((u) => u.mappedUnitId === null);
  const create = unmapped.filter((u) => toCreate.has(u.name)).map((u) => u.name);
  const open_ = unmapped.filter((u) => !toCreate.has(u.name));
  return (
    <Modal
      open={open}
      title="确认导入"
      okText="确认导入"
      cancelText="返回审核"
      confirmLoading={busy}
      okButtonProps={{ disabled: open_.length > 0 }}
      onCancel={onCancel}
      onOk={async () => {
        setBusy(true);
        try {
          await onConfirm(status, create);
        } catch {
          /* the API client has shown the reason; the dialog stays open */
        } finally {
          setBusy(false);
        }
      }}
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item label="任务">{p.tasks.length} 项</Descriptions.Item>
        <Descriptions.Item label="指标">{p.indicators.length} 项</Descriptions.Item>
        <Descriptions.Item label="目标">{p.targets.length} 项</Descriptions.Item>
        <Descriptions.Item label="项目">{p.projects.length} 项</Descriptions.Item>
        <Descriptions.Item label="新建单位" span={2}>
          {create.length ? create.join('、') : '无'}
        </Descriptions.Item>
      </Descriptions>
      {open_.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`还有 ${open_.length} 个单位未处理`}
          description={`请在“未识别单位”中对应到单位库或勾选新建:${open_.map((u) => u.name).join('、')}`}
        />
      )}
      <div style={{ marginBottom: 4 }}>导入后的规划状态</div>
      <Radio.Group value={status} onChange={(e) => setStatus(e.target.value)}>
        <Radio value="active">实施中</Radio>
        <Radio value="draft">草稿(暂不下发)</Radio>
      </Radio.Group>
    </Modal>
  );
}
