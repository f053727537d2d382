// Chinese wording for every code the API returns, so no English reaches the screen.
import { indicatorAttributeLabels, indicatorKindLabels as kindLabels } from '../../shared/labels';

// one table per enum, shared with the server's documents
export { roleLabels } from '../../shared/roles';

export const planStatusLabels: Record<string, string> = { draft: '草稿', active: '实施中', archived: '已归档' };
export const planStatusColors: Record<string, string> = { draft: 'default', active: 'processing', archived: 'warning' };
export const planLevelLabels: Record<string, string> = { municipal: '市级', district: '区县级', town: '镇街级' };

export const taskRoleLabels: Record<string, string> = { lead: '牵头单位', responsible: '责任单位', cooperating: '配合单位' };
export const taskRoleShort: Record<string, string> = { lead: '牵头', responsible: '责任', cooperating: '配合' };
export const taskRoleColors: Record<string, string> = { lead: 'red', responsible: 'blue', cooperating: 'default' };

export const unitScopeLabels: Record<string, string> = {
  unit: '单位',
  others: '等有关部门',
  all_towns: '各镇街',
  all_districts: '各区县',
  group_members: '成员单位',
};

export const unitKindLabels: Record<string, string> = {
  department: '部门',
  committee: '管委会',
  agency: '派驻机构',
  company: '企业',
  government: '政府',
  judicial: '司法机关',
  party: '党群机构',
  people: '人民团体',
  town: '镇街',
};

export const regionLevelLabels: Record<string, string> = { municipal: '市级', district: '区县', town: '镇街' };

export const importStatusLabels: Record<string, string> = {
  pending: '排队中',
  running: '解析中',
  review: '待审核',
  confirmed: '已导入',
  failed: '失败',
};
export const importStatusColors: Record<string, string> = { pending: 'default', running: 'processing', review: 'warning', confirmed: 'success', failed: 'error' };

export const attributeLabels: Record<string, string> = indicatorAttributeLabels;
export const indicatorKindLabels: Record<string, string> = kindLabels;
export const comparatorLabels: Record<string, string> = { '=': '达到', '>=': '不低于', '<=': '不高于', '>': '高于', '<': '低于', range: '区间', approx: '约' };
export const comparatorSymbols: Record<string, string> = { '=': '', '>=': '≥', '<=': '≤', '>': '>', '<': '<', range: '', approx: '约' };
export const directionLabels: Record<string, string> = { up: '越大越好', down: '越小越好', none: '—' };

// task status words and colours: shared/statusWords.ts (one vocabulary with the server)

export const projectKindLabels: Record<string, string> = { column: '专栏项目', inline: '文中项目' };
export const projectStatusLabels: Record<string, string> = { planned: '计划', candidate: '待确认', in_progress: '在建', completed: '已完成' };

export const entityTypeLabels: Record<string, string> = { task: '任务', plan: '规划', import: '导入', unit: '单位', user: '用户', indicator: '指标' };

export const auditActionLabels: Record<string, string> = {
  'task.create': '新建任务',
  'task.update': '修改任务',
  'task.delete': '删除任务',
  'plan.create': '生成规划',
  'plan.update': '修改规划',
  'unit.create': '新建单位',
  'user.create': '新建用户',
  'import.create': '上传文件',
  'import.fail': '导入失败',
  'import.confirm': '确认导入',
  'import.setTaskUnits': '修改任务单位',
  'import.updateTask': '修改任务',
  'import.removeTask': '删除任务',
  'import.addTask': '新增任务',
  'import.updateTarget': '修改目标',
  'import.removeTarget': '删除目标',
  'import.updateIndicator': '修改指标',
  'import.removeIndicator': '删除指标',
  'import.removeProject': '删除项目',
  'import.updateMeta': '修改基本信息',
  'import.mapUnit': '对应单位',
};

export const fieldLabels: Record<string, string> = {
  title: '名称',
  text: '内容',
  deadline: '时限',
  units: '单位',
  weight: '权重',
  assignee: '具体负责人',
  outlineNodeId: '所属章节',
  parentTaskId: '上级任务',
  targetText: '目标',
  standard: '完成标准',
  progress: '进度',
  reportedStatus: '状态',
  status: '状态',
  published: '公开',
  periodStart: '起始年份',
  periodEnd: '截止年份',
  name: '名称',
  aliases: '别名',
  kind: '类别',
  regionId: '所属区划',
  planId: '规划',
  filename: '文件名',
  code: '原因',
  leaders: '牵头领导',
  lead: '牵头单位',
  responsible: '责任单位',
  cooperating: '配合单位',
  role: '角色',
  unitId: '单位',
  value: '数值',
  valueMax: '上限',
  unit: '计量单位',
  year: '年份',
  subject: '目标事项',
  comparator: '比较方式',
  attribute: '属性',
  baseline: '基期值',
  targets: '目标值',
  recurring: '每年',
  decrease: '下降',
  type: '类型',
  taskId: '任务',
  index: '序号',
  id: '编号',
};

export function label(map: Record<string, string>, code: string | null | undefined, fallback = '—'): string {
  if (code === null || code === undefined || code === '') return fallback;
  return map[code] ?? code;
}
