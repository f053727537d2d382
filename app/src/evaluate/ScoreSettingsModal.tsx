// 考核设置 (evaluation.manage): the weight of each score component, the credit per task colour and indicator
// class, and how many units are named at the top and bottom under which award (猛虎奖 / 蜗牛奖). Saved through
// PATCH /api/plans/:id/score-settings (audited as plan.score_settings); the ranking behind reloads.
import { useEffect, useState } from 'react';
import { Alert, App, Collapse, Form, Input, InputNumber, Modal, Skeleton } from 'antd';
import { evalApi, type ScoreSettings, type ScoreSettingsPatch } from './evalApi';
import './scoreSettings.css';

export const componentLabels = {
  reporting: '按时报送率',
  tasks: '任务进展',
  indicators: '指标完成',
  notices: '督办按期回复率',
  revisions: '报告一次通过率',
} as const;
type WeightKey = keyof typeof componentLabels;
const WEIGHT_KEYS = Object.keys(componentLabels) as WeightKey[];

const taskFactorLabels = { blue: '蓝(已完成)', green: '绿(正常推进)', yellow: '黄(滞后)', red: '红(严重滞后、逾期)' } as const;
const indicatorFactorLabels = { achieved_early: '提前完成', ahead: '快于预期', on_track: '符合序时进度', behind: '滞后' } as const;

interface Props {
  planId: number;
  open: boolean;
  onCancel: () => void;
  onSaved: (s: ScoreSettings) => void;
}

export function ScoreSettingsModal({ planId, open, onCancel, onSaved }: Props) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const weights = Form.useWatch('weights', form) as Partial<Record<WeightKey, number | null>> | undefined;
  const total = WEIGHT_KEYS.reduce((s, k) => s + (Number(weights?.[k]) || 0), 0);

  useEffect(() => {
    if (!open) return;
    setLoading(true);
    setLoadFailed(false);
    form.resetFields();
    evalApi.scoreSettings(planId).then(
      (s) => {
        form.setFieldsValue({ weights: s.unitScore.weights, taskFactors: s.unitScore.taskFactors, indicatorFactors: s.unitScore.indicatorFactors, ranking: s.ranking });
        setLoading(false);
      },
      () => {
        setLoadFailed(true);
        setLoading(false);
      },
    );
  }, [open, planId, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || total <= 0) return;
    const body: ScoreSettingsPatch = {
      weights: v.weights,
      taskFactors: v.taskFactors,
      indicatorFactors: v.indicatorFactors,
      ranking: { ...v.ranking, topAward: v.ranking.topAward.trim(), bottomAward: v.ranking.bottomAward.trim() },
    };
    setSaving(true);
    try {
      const saved = await evalApi.updateScoreSettings(planId, body);
      message.success('考核设置已保存,排名已按新设置重新计算');
      onSaved(saved);
    } catch {
      // the reason is shown by the API client; the dialog stays open
    } finally {
      setSaving(false);
    }
  };

  const weightRules = (k: WeightKey) => [{ required: true, message: `请填写“${componentLabels[k]}”的权重` }];
  const awardRules = [
    { required: true, whitespace: true, message: '请填写奖项名称' },
    { max: 20, message: '奖项名称不超过 20 个字' },
  ];
  const factor = (group: 'taskFactors' | 'indicatorFactors', k: string, text: string) => (
    <Form.Item key={k} name={[group, k]} label={text} rules={[{ required: true, message: '请填写系数' }]} className="score-setting-cell">
      <InputNumber min={0} max={1} step={0.1} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title="考核设置"
      okText="保存"
      cancelText="取消"
      width={720}
      onOk={save}
      onCancel={onCancel}
      confirmLoading={saving}
      okButtonProps={{ disabled: loading || loadFailed }}
      forceRender
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      {loadFailed && <Alert type="error" showIcon title="考核设置加载失败,请关闭后重试" />}
      {loading && <Skeleton active paragraph={{ rows: 6 }} />}
      <Form form={form} layout="vertical" requiredMark={false} style={{ display: loading || loadFailed ? 'none' : undefined }} className="score-settings-form">
        <h4 className="score-settings-h">
          各项权重 <span className="muted">(即该项满分;合计 {Number(total.toFixed(2))} 分)</span>
        </h4>
        <div className="score-settings-grid">
          {WEIGHT_KEYS.map((k) => (
            <Form.Item
              key={k}
              name={['weights', k]}
              label={componentLabels[k]}
              rules={weightRules(k)}
              className="score-setting-cell"
            >
              <InputNumber min={0} max={1000} step={5} style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </div>
        {weights && total <= 0 && (
          <div role="alert" className="score-settings-error">
            各项权重合计必须大于 0
          </div>
        )}

        <h4 className="score-settings-h">排名与奖项 <span className="muted">(名次并列时,同名次的单位一并获奖;设为 0 表示不评)</span></h4>
        <div className="score-settings-grid score-settings-awards">
          <Form.Item name={['ranking', 'topN']} label="表彰前几名" rules={[{ required: true, message: '请填写名额' }]} className="score-setting-cell">
            <InputNumber min={0} max={50} precision={0} suffix="名" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={['ranking', 'topAward']} label="表彰奖项名称" rules={awardRules} className="score-setting-cell">
            <Input placeholder="如:猛虎奖" />
          </Form.Item>
          <Form.Item name={['ranking', 'bottomN']} label="通报后几名" rules={[{ required: true, message: '请填写名额' }]} className="score-setting-cell">
            <InputNumber min={0} max={50} precision={0} suffix="名" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name={['ranking', 'bottomAward']} label="通报奖项名称" rules={awardRules} className="score-setting-cell">
            <Input placeholder="如:蜗牛奖" />
          </Form.Item>
        </div>

        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'factors',
              forceRender: true,
              label: '计分系数(每项计入多少分,0 至 1)',
              children: (
                <>
                  <div className="muted score-settings-sub">任务进展:按任务状态颜色计分(灰色即未报送、未开始的任务不计入)</div>
                  <div className="score-settings-grid">{Object.entries(taskFactorLabels).map(([k, t]) => factor('taskFactors', k, t))}</div>
                  <div className="muted score-settings-sub">指标完成:按指标完成情况计分(无数据的指标不计入)</div>
                  <div className="score-settings-grid">{Object.entries(indicatorFactorLabels).map(([k, t]) => factor('indicatorFactors', k, t))}</div>
                </>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
