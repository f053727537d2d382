// One catalogue of error codes with their Chinese messages. The API returns
// { error: { code, message, details? } }; the UI shows `message`.
export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: '提交的数据不符合要求' },
  BAD_REQUEST: { status: 400, message: '请求有误' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '登录失败次数过多,账号已临时锁定,请稍后再试' },
  LOGIN_THROTTLED: { status: 429, message: '登录尝试过于频繁,请稍后再试' },
  PASSWORD_TOO_WEAK: { status: 400, message: '密码至少 10 位,且须同时包含字母和数字' },
  CSRF_INVALID: { status: 403, message: '页面已过期,请刷新后重试' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  NOT_FOUND: { status: 404, message: '未找到相应记录' },
  CONFLICT: { status: 409, message: '数据已被他人修改,请刷新后重试' },
  DUPLICATE: { status: 409, message: '记录已存在' },
  PROJECT_PHASE_NOT_ALLOWED: { status: 409, message: '项目阶段只能前进或退回一步,或终止;已竣工、已终止的项目不能再变更阶段' },
  PROJECT_TERMINATION_REASON: { status: 400, message: '终止项目须说明理由' },
  PROJECT_NOT_ROLLABLE: { status: 409, message: '已竣工或已终止的项目不能滚动调整' },
  PROJECT_NOT_OWNER: { status: 403, message: '只有项目业主单位可以报送该项目的投资进度' },
  PROJECT_REPORT_CLOSED: { status: 409, message: '谋划储备、已竣工或已终止的项目不需报送投资进度' },
  PROJECT_INVESTMENT_FALLS: { status: 400, message: '累计完成投资不能低于上期累计完成投资(也不能高于下期已报的累计完成投资)' },
  PROJECT_INVESTMENT_OVER_TOTAL: { status: 400, message: '累计完成投资超过总投资,请在备注中说明原因' },
  PROJECT_INVESTMENT_MISMATCH: { status: 400, message: '上期累计完成投资加本月完成投资不等于本期累计完成投资,请核对或在备注中说明' },
  PROJECT_IMPORT_NO_HEADER: { status: 400, message: '未找到项目表的表头(需包含“项目名称”列,以及“业主单位”“总投资”等列)' },
  PROJECT_IMPORT_ROWS: { status: 400, message: '项目表有错误行,未保存任何项目;请按提示修改后重新导入' },
  PROJECT_LINK_INVALID: { status: 400, message: '所选关联事项不存在或无权查看' },
  PROJECT_NAME_TAKEN: { status: 409, message: '本区域项目库中已有同名项目' },
  IMPORT_TOO_LARGE: { status: 413, message: '文件超过 20 MB,无法导入' },
  IMPORT_EMPTY: { status: 400, message: '文件为空' },
  IMPORT_BINARY: { status: 400, message: '文件不是可识别的文本、Word、PDF 或网页文件' },
  IMPORT_CORRUPT: { status: 400, message: '文件已损坏,无法读取' },
  IMPORT_NO_TEXT: { status: 400, message: '文件中没有可提取的文字(可能是扫描件),请提供带文字层的文件' },
  IMPORT_UNSUPPORTED_FORMAT: { status: 400, message: '不支持的文件格式,请上传 txt、docx、pdf、html 或 xlsx 文件' },
  IMPORT_TOO_COMPLEX: { status: 413, message: '文件展开后的内容过大(页数、行数或文字量超出上限),请拆分后再导入' },
  IMPORT_TIMEOUT: { status: 422, message: '文件解析超时,已中止;请检查文件或拆分后再导入' },
  IMPORT_BUSY: { status: 503, message: '当前导入任务较多,请稍后再试' },
  UNIT_OUTSIDE_REGION: { status: 403, message: '所选单位不属于本规划所在区划,不能指派或督办' },
  IMPORT_NOT_PENDING_REVIEW: { status: 409, message: '该导入已确认或已失败,不能再修改' },
  IMPORT_UNMAPPED_UNITS: { status: 400, message: '仍有未对应到单位库的单位,请先对应或新建' },
  REPORT_NOT_EDITABLE: { status: 409, message: '该报告当前状态不可修改' },
  REPORT_PERIOD_LOCKED: { status: 409, message: '该报送期已锁定' },
  REPORT_PERIOD_NOT_OPEN: { status: 409, message: '该报送期尚未开始,暂不能报送' },
  REPORT_NOT_LEAD_UNIT: { status: 403, message: '只有牵头单位可以报送该任务进展' },
  REPORT_NOT_CONTRIBUTOR: { status: 403, message: '只有该任务的责任单位或配合单位可以填报配合情况' },
  REPORT_RETURN_REASON_REQUIRED: { status: 400, message: '退回报告须说明理由' },
  REPORT_INDICATOR_NOT_OWNED: { status: 400, message: '只能填报本单位负责的指标数值' },
  REPORT_NOT_UNIT_HEAD: { status: 403, message: '只有本单位负责人可以审核本单位的报告' },
  REPORT_NOT_IN_UNIT_REVIEW: { status: 409, message: '该报告不在待单位负责人审核状态' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415, message: '附件仅支持 pdf、docx、xlsx、jpg、png 格式' },
  ATTACHMENT_TOO_LARGE: { status: 413, message: '附件不能超过 10 MB' },
  ATTACHMENT_EMPTY: { status: 400, message: '附件为空' },
  INDICATOR_SPLIT_INVALID: { status: 400, message: '指标分解不成立:各单位分解值与总目标不一致' },
  NOTICE_INVALID_TRANSITION: { status: 409, message: '督办件当前状态不能执行此操作' },
  SCORE_SETTINGS_INVALID: { status: 400, message: '考核设置不成立:各项权重合计必须大于0' },
  EVALUATION_EXISTS: { status: 409, message: '该规划已有同类型、同年度的评估报告草稿' },
  IMPORT_NOT_TABLE: { status: 400, message: '该导入不是 Excel 任务分工表,不能设置列对应关系' },
  IMPORT_TABLE_LAYOUT_CHANGED: { status: 409, message: '该文件已按其他工作表或表头行导入过,请沿用原设置' },
  TAKE_UP_NOT_BELOW: { status: 403, message: '只有该规划所覆盖的下级区县办公室可以落实其任务' },
  TAKE_UP_TASK_NOT_DISTRICT: { status: 403, message: '只能关联本区县规划中的任务' },
  TAKE_UP_HAS_LINKS: { status: 409, message: '该任务已关联本区县任务,请先取消关联再标为不适用' },
  INTERNAL: { status: 500, message: '系统内部错误,请联系管理员' },
  LOGIN_LOCKED: { status: 429, message: '登录失败次数过多,请 15 分钟后再试' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用,请联系系统管理员' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '密码已由管理员重置,请先设置新密码' },
  PASSWORD_TOO_COMMON: { status: 400, message: '该密码过于常见,容易被猜中,请换一个' },
  PASSWORD_CONTAINS_USERNAME: { status: 400, message: '密码不能包含用户名' },
  PASSWORD_SAME: { status: 400, message: '新密码不能与当前密码相同' },
  PASSWORD_CURRENT_WRONG: { status: 400, message: '当前密码不正确' },
  USER_SELF_LOCKOUT: { status: 409, message: '不能停用自己的账号,也不能取消自己的系统管理员角色' },
  PLAN_PARENT_CYCLE: { status: 400, message: '上位规划不能是本规划自身或其下位规划(会形成循环)' },
  WEBHOOK_URL_NOT_ALLOWED: { status: 400, message: '群机器人地址须为 http(s) 外部地址,不能指向本机、内网、链路本地或保留地址;确需使用的内网地址由管理员在 LUOSHI_WEBHOOK_ALLOW 中列明' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly details?: unknown,
    message?: string,
  ) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'AppError';
  }
  get status(): number {
    return errorCatalogue[this.code].status;
  }
}
