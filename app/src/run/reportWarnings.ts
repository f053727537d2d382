// Checks shown while typing, before the server's own warnings come back with the saved report.
export interface Draft {
  reportedStatus?: string;
  progress?: number | null;
}

export function draftWarnings(d: Draft, lastProgress: number | null): string[] {
  const out: string[] = [];
  const p = d.progress;
  if (d.reportedStatus === '已完成' && p !== null && p !== undefined && p < 100) out.push(`状态为"已完成",但进度为${p}%,请核实`);
  if (d.reportedStatus === '未开始' && p !== null && p !== undefined && p > 0) out.push(`状态为"未开始",但进度为${p}%,请核实`);
  if (p === 100 && d.reportedStatus && d.reportedStatus !== '已完成') out.push('进度为100%,状态是否应为"已完成"?');
  if (lastProgress !== null && p !== null && p !== undefined && p < lastProgress) out.push(`进度低于上期已通过的${lastProgress}%,请说明原因`);
  return out;
}
