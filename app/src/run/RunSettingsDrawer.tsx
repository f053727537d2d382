// 实施设置 (office): the plan's reporting calendar, status thresholds, reminder rules and 督办 rules in one form.
// Saved as one patch; the server checks it again and answers with the periods it now computes, shown below.
import { useEffect, useState } from 'react';
import { App, Alert, Button, Divider, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { runApi, type ReportingCalendar, type RunSettings, type RunSettingsPatch as Patch } from './runApi';
import { channelLabels, periodStateLabels } from './runLabels';
import './run.css';

type Rule = RunSettings['reminders']['rules'][number];

const frequencyOptions = [
  { value: 'monthly', label: '每月' },
  { value: 'quarterly', label: '每季度' },
  { value: 'half_year', label: '每半年' },
  { value: 'annual', label: '每年' },
];
const dueMonthOptions = [
  { value: 0, label: '报送期的最后一个月' },
  { value: 1, label: '报送期结束后的次月' },
  { value: 2, label: '报送期结束后第二个月' },
];
const recipientOptions = [
  { value: 'unit', label: '填报单位' },
  { value: 'head', label: '单位负责人' },
  { value: 'office', label: '规划办' },
  { value: 'leader', label: '分管领导' },
];
const channelOptions = Object.entries(channelLabels).map(([value, label]) => ({ value, label }));

interface FormValues {
  frequency: string;
  dueDay: number;
  dueMonthOffset: number;
  duePolicy: 'before' | 'after';
  graceDays: number;
  graceUnit: 'working' | 'calendar';
  startMonth: string;
  unitHeadReview: boolean;
  yellowGap: number;
  redGap: number;
  blockedColor: 'red' | 'yellow';
  tolerancePct: number;
  rules: Rule[];
  webhookUrl: string;
  autoIssue: boolean;
  missingReportAfterDays: number;
  responseWorkingDays: number;
  escalationWorkingDays: number;
  noticeChannels: RunSettings['supervision']['channels'];
}

function toForm(s: RunSettings): FormValues {
  return {
    frequency: s.reporting.frequency,
    dueDay: s.reporting.dueDay,
    dueMonthOffset: s.reporting.dueMonthOffset,
    duePolicy: s.reporting.duePolicy,
    graceDays: s.reporting.graceDays,
    graceUnit: s.reporting.graceUnit,
    startMonth: s.startMonth ?? '',
    unitHeadReview: s.unitHeadReview,
    yellowGap: s.taskThresholds.yellowGap,
    redGap: s.taskThresholds.redGap,
    blockedColor: s.taskThresholds.blockedColor,
    tolerancePct: Math.round(s.indicator.tolerance * 1000) / 10,
    rules: s.reminders.rules,
    webhookUrl: s.reminders.webhookUrl ?? '',
    autoIssue: s.supervision.autoIssue,
    missingReportAfterDays: s.supervision.missingReportAfterDays,
    responseWorkingDays: s.supervision.responseWorkingDays,
    escalationWorkingDays: s.supervision.escalationWorkingDays,
    noticeChannels: s.supervision.channels,
  };
}

function toPatch(v: FormValues): Patch {
  return {
    reporting: { frequency: v.frequency as 'monthly', dueDay: v.dueDay, dueMonthOffset: v.dueMonthOffset, duePolicy: v.duePolicy, graceDays: v.graceDays, graceUnit: v.graceUnit },
    startMonth: v.startMonth.trim() || null,
    unitHeadReview: v.unitHeadReview,
    taskThresholds: { yellowGap: v.yellowGap, redGap: v.redGap, blockedColor: v.blockedColor },
    indicator: { tolerance: v.tolerancePct / 100 },
    reminders: { rules: v.rules, webhookUrl: v.webhookUrl.trim() || null },
    supervision: {
      autoIssue: v.autoIssue,
      missingReportAfterDays: v.missingReportAfterDays,
      responseWorkingDays: v.responseWorkingDays,
      escalationWorkingDays: v.escalationWorkingDays,
      channels: v.noticeChannels,
    },
  };
}

const ruleWhen = (d: number) => (d < 0 ? `截止日前 ${-d} 天` : d === 0 ? '截止日当天' : `截止日后 ${d} 天`);

export function RunSettingsDrawer({ planId, open, onClose, onSaved }: { planId: number; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [calendar, setCalendar] = useState<ReportingCalendar | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setCalendar(null);
    runApi.calendar(planId).then((c) => {
      if (!live) return;
      setCalendar(c);
      form.setFieldsValue(toForm(c.settings));
    });
    return () => {
      live = false;
    };
  }, [open, planId, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await runApi.updateSettings(planId, toPatch(v));
      setCalendar(await runApi.calendar(planId));
      message.success('实施设置已保存,报送日历和状态已按新设置重新计算');
      onSaved();
    } finally {
      setSaving(false);
    }
  };

  const upcoming = (calendar?.periods ?? []).filter((p) => p.state !== 'closed' && p.state !== 'locked').slice(0, 4);

  return (
    <Drawer
      title="实施设置"
      width={860}
      open={open}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" loading={saving} disabled={!calendar} onClick={save}>
            保存
          </Button>
        </Space>
      }
    >
      {/* disabled until the stored settings have loaded: a value typed before they arrive would be overwritten by them */}
      <Form form={form} layout="vertical" requiredMark={false} className="run-settings" disabled={!calendar}>
        <Divider titlePlacement="start" plain>
          报送日历
        </Divider>
        <Space wrap size={16} align="start">
          <Form.Item name="frequency" label="报送频次" rules={[{ required: true, message: '请选择报送频次' }]}>
            <Select options={frequencyOptions} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="dueMonthOffset" label="截止月份">
            <Select options={dueMonthOptions} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="dueDay" label="截止日(每月几日前)" rules={[{ required: true, message: '请填写截止日' }]}>
            <InputNumber min={1} max={31} precision={0} addonAfter="日" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="duePolicy" label="截止日遇节假日、周末" tooltip="按国务院办公厅公布的放假和调休安排,调休上班日按工作日计">
            <Select options={[{ value: 'before', label: '提前到此前最后一个工作日' }, { value: 'after', label: '顺延到此后第一个工作日' }]} style={{ width: 230 }} />
          </Form.Item>
          <Form.Item name="graceDays" label="逾期可补报" rules={[{ required: true, message: '请填写天数' }]}>
            <InputNumber min={0} max={60} precision={0} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="graceUnit" label="天数按">
            <Select options={[{ value: 'working', label: '工作日' }, { value: 'calendar', label: '自然日' }]} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item
            name="startMonth"
            label="起报月份"
            tooltip="此前的报送期不催报、不计入未报送;留空则从规划期首年开始"
            rules={[{ pattern: /^(\d{4}-(0[1-9]|1[0-2]))?$/, message: '格式为 2026-01' }]}
          >
            <Input placeholder="如 2026-01" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="unitHeadReview" label="单位负责人预审" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        {upcoming.length > 0 && (
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={upcoming}
            columns={[
              { title: '报送期', dataIndex: 'label' },
              { title: '截止日期', render: (_: unknown, p) => (p.nominalDueDate && p.nominalDueDate !== p.dueDate ? <span>{p.dueDate}<Tag style={{ marginLeft: 6 }}>由 {p.nominalDueDate} 调整</Tag></span> : p.dueDate) },
              { title: '锁定日期', dataIndex: 'locksOn' },
              { title: '状态', render: (_: unknown, p) => periodStateLabels[p.state] },
            ]}
          />
        )}

        <Divider titlePlacement="start" plain>
          状态判定
        </Divider>
        <Space wrap size={16} align="start">
          <Form.Item name="yellowGap" label="落后序时进度(黄灯)" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={100} addonAfter="个百分点" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item
            name="redGap"
            label="落后序时进度(红灯)"
            dependencies={['yellowGap']}
            rules={[
              { required: true, message: '请填写' },
              ({ getFieldValue }) => ({
                validator: (_, v) => (v == null || v >= getFieldValue('yellowGap') ? Promise.resolve() : Promise.reject(new Error('红灯阈值不能小于黄灯阈值'))),
              }),
            ]}
          >
            <InputNumber min={0} max={100} addonAfter="个百分点" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="blockedColor" label="“受阻”显示为">
            <Select options={[{ value: 'red', label: '红灯' }, { value: 'yellow', label: '黄灯' }]} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="tolerancePct" label="预期性指标允许误差" tooltip="约束性指标落后方向零容忍,不受此项影响">
            <InputNumber min={0} max={100} addonAfter="%" style={{ width: 120 }} />
          </Form.Item>
        </Space>

        <Divider titlePlacement="start" plain>
          催报提醒
        </Divider>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              <div className="run-settings-rule run-settings-rule-head" aria-hidden>
                <span>相对截止日(天)</span>
                <span />
                <span>接收人</span>
                <span>提醒方式</span>
                <span />
              </div>
              {fields.map((f) => (
                <div key={f.key} className="run-settings-rule">
                  <Form.Item name={[f.name, 'offsetDays']} rules={[{ required: true, message: '请填写' }]}>
                    <InputNumber aria-label="相对截止日天数,负数为截止日前" min={-31} max={60} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() => <span className="run-settings-when">{ruleWhen(Number(form.getFieldValue(['rules', f.name, 'offsetDays']) ?? 0))}</span>}
                  </Form.Item>
                  <Form.Item name={[f.name, 'recipients']} rules={[{ required: true, type: 'array', min: 1, message: '至少选择一类接收人' }]}>
                    <Select aria-label="接收人" mode="multiple" options={recipientOptions} placeholder="接收人" maxTagCount="responsive" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'channels']} rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种方式' }]}>
                    <Select aria-label="提醒方式" mode="multiple" options={channelOptions} placeholder="提醒方式" maxTagCount="responsive" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)} aria-label="删除此提醒规则">
                    删除
                  </Button>
                </div>
              ))}
              <Button
                onClick={() => {
                  const keys = new Set(((form.getFieldValue('rules') ?? []) as Rule[]).map((r) => r.key));
                  let i = 1;
                  while (keys.has(`rule_${i}`)) i++;
                  add({ key: `rule_${i}`, offsetDays: -1, recipients: ['unit'], channels: ['app'] });
                }}
                disabled={fields.length >= 20}
              >
                添加提醒规则
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="webhookUrl" label="群机器人地址(钉钉、企业微信)" rules={[{ type: 'url', message: '请填写完整的网址,如 https://oapi.dingtalk.com/robot/send?access_token=…' }]} style={{ marginTop: 16 }}>
          <Input placeholder="留空则使用系统默认地址" />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          督办规则
        </Divider>
        <Space wrap size={16} align="start">
          <Form.Item name="autoIssue" label="按规则自动下发督办" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="missingReportAfterDays" label="截止后未报送满" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={0} max={60} precision={0} addonAfter="天下发" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="responseWorkingDays" label="反馈期限" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={60} precision={0} addonAfter="个工作日" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="escalationWorkingDays" label="逾期升级间隔" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={60} precision={0} addonAfter="个工作日" style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="noticeChannels" label="督办送达方式" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种方式' }]}>
            <Select mode="multiple" options={channelOptions} style={{ minWidth: 220 }} />
          </Form.Item>
        </Space>
        <Alert type="info" showIcon message="保存后,序时进度、红黄灯、催报和督办均按新设置计算;每次修改都记入修改记录。" />
      </Form>
    </Drawer>
  );
}
