// 今日待办 of the plan office: what waits for it across every plan it runs, counts first, each item a link to
// where it is handled (the board's review drawer, the board's units, the task form, the 督办, the import review).
import { Tag } from 'antd';
import { Link } from 'react-router-dom';
import { dateTime } from '../format';
import { noticeLevelLabels, noticeLevelTagColors } from '../run/runLabels';
import type { OfficeHome as Data } from './homeApi';
import { DeadlineText, HomeCounts, HomeSection, useExpand } from './HomeParts';

const more = (shown: number, total: number, what: string) => (total > shown ? <p className="muted home-more">另有 {total - shown} {what}未列出,请到各规划的报送看板查看。</p> : null);

export function OfficeHome({ data }: { data: Data }) {
  const c = data.counts;
  const overdue = useExpand(data.overdueUnits, 6, '个');
  const review = useExpand(data.pendingReview, 8, '份');
  return (
    <div className="home-office">
      <HomeCounts
        items={[
          { key: 'review', title: '待审核报告', value: c.pendingReview, suffix: '份', alert: true },
          { key: 'recheck', title: '待复核督办', value: c.noticesToRecheck, suffix: '件', alert: true },
          { key: 'imports', title: '待审核导入', value: c.importsInReview, suffix: '个' },
          { key: 'overdue', title: '逾期未报单位', value: c.overdueUnits, suffix: '个', alert: true },
          { key: 'unassigned', title: '未明确单位的任务', value: c.unassignedTasks, suffix: '项' },
        ]}
      />
      <div className="home-columns">
        <div className="home-col">
          <HomeSection id="review" title="待审核报告" count={c.pendingReview} empty={!c.pendingReview && '没有待审核的报告'}>
            <ul className="home-list">
              {review.shown.map((r) => (
                <li key={r.reportId}>
                  <Link to={`/board/${r.planId}?report=${r.reportId}`} className="home-item-title">
                    {r.taskTitle}
                  </Link>
                  <div className="home-item-meta">
                    <span>{r.unitName}</span>
                    <span>{r.periodLabel}</span>
                    <span>报送于{dateTime(r.submittedAt)}</span>
                    {r.late && <Tag color="warning">逾期报送</Tag>}
                  </div>
                  <div className="home-item-plan">{r.planTitle}</div>
                </li>
              ))}
            </ul>
            {review.toggle}
            {more(data.pendingReview.length, c.pendingReview, '份')}
          </HomeSection>
          <HomeSection id="recheck" title="待复核督办" count={c.noticesToRecheck} empty={!c.noticesToRecheck && '没有待复核的督办'}>
            <ul className="home-list">
              {data.noticesToRecheck.map((n) => (
                <li key={n.noticeId}>
                  <Link to={`/notices/${n.noticeId}`} className="home-item-title">
                    {n.title}
                  </Link>
                  <div className="home-item-meta">
                    <Tag color={noticeLevelTagColors[n.level]}>{noticeLevelLabels[n.level]}</Tag>
                    <span>{n.unitName}</span>
                    <span>反馈于{dateTime(n.fedBackAt)}</span>
                  </div>
                  <div className="home-item-plan">{n.planTitle}</div>
                </li>
              ))}
            </ul>
            {more(data.noticesToRecheck.length, c.noticesToRecheck, '件')}
          </HomeSection>
          <HomeSection id="imports" title="待审核导入" count={c.importsInReview} empty={!c.importsInReview && '没有待审核的导入'}>
            <ul className="home-list">
              {data.importsInReview.map((i) => (
                <li key={i.importId}>
                  <Link to={`/imports/${i.importId}`} className="home-item-title">
                    {i.title || i.filename}
                  </Link>
                  <div className="home-item-meta">
                    <span>识别出 {i.taskCount} 项任务</span>
                    <span>上传于{dateTime(i.createdAt)}</span>
                  </div>
                </li>
              ))}
            </ul>
          </HomeSection>
        </div>
        <div className="home-col">
          <HomeSection id="overdue" title="逾期未报单位" count={c.overdueUnits} empty={!c.overdueUnits && '没有逾期未报的单位'}>
            <ul className="home-list">
              {overdue.shown.map((u) => (
                <li key={`${u.planId}-${u.unitId}`}>
                  <Link to={`/board/${u.planId}?period=${encodeURIComponent(u.periodKey)}&tab=units`} className="home-item-title">
                    {u.unitName}:{u.missingTasks} 项任务未报送{u.periodLabel}进展
                  </Link>
                  <div className="home-item-meta">
                    <DeadlineText d={u.deadline} />
                  </div>
                  <div className="home-item-plan">{u.planTitle}</div>
                </li>
              ))}
            </ul>
            {overdue.toggle}
          </HomeSection>
          <HomeSection id="unassigned" title="未明确单位的任务" count={c.unassignedTasks} empty={!c.unassignedTasks && '所有任务都已明确单位'}>
            <ul className="home-list">
              {data.unassignedTasks.map((p) => (
                <li key={p.planId}>
                  <Link to={`/plans/${p.planId}`} className="home-item-title">
                    {p.planTitle}:{p.count} 项任务未明确牵头或责任单位
                  </Link>
                  <div className="home-item-meta home-examples">
                    {p.examples.map((t) => (
                      <Link key={t.taskId} to={`/tasks/${t.taskId}`} className="clamp-1">
                        {t.title}
                      </Link>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          </HomeSection>
        </div>
      </div>
    </div>
  );
}
