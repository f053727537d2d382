// 今日待办 of a unit (reporter, head, town): this period's reports across every plan, overdue first, with the
// deadline in working days; the 督办 waiting for it; its part in tasks others lead; a head's 预审 queue.
import { Button, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { dateTime } from '../format';
import { taskRoleLabels } from '../labels';
import { noticeLevelLabels, noticeLevelTagColors, noticeStatusLabels, periodStateLabels, reportStatusColors, reportStatusLabels } from '../run/runLabels';
import { StatusLight } from '../run/StatusLight';
import type { UnitHome as Data } from './homeApi';
import { DeadlineText, HomeCounts, HomeSection } from './HomeParts';

type ReportItem = Data['reports'][number];

function ReportTag({ r }: { r: ReportItem }) {
  if (!r.reportStatus) return <Tag>{reportStatusLabels.none}</Tag>;
  return <Tag color={reportStatusColors[r.reportStatus]}>{reportStatusLabels[r.reportStatus]}</Tag>;
}

/** 未报送 / 未开始 / 已报送待审核 of the task would only repeat (or, for the last period due, confuse) this period's own report state */
const shownLight = (r: ReportItem) => !['not_reported', 'not_started', 'nothing_due', 'awaiting_review'].includes(r.taskStatus.state);

const actionOf = (r: ReportItem) => (!r.reportStatus ? '填报' : r.reportStatus === 'returned' ? '修改重报' : r.reportStatus === 'draft' ? '继续填报' : '查看');

export function UnitHome({ data, head }: { data: Data; head: boolean }) {
  const navigate = useNavigate();
  const c = data.counts;
  const plans = new Set(data.reports.map((r) => r.planId)).size;
  return (
    <div className="home-unit">
      <HomeCounts
        items={[
          { key: 'todo', target: 'reports', title: '本期待报', value: c.toReport, suffix: '项' },
          { key: 'overdue', target: 'reports', title: '已逾期', value: c.overdue, suffix: '项', alert: true },
          { key: 'returned', target: 'reports', title: '被退回', value: c.returned, suffix: '份', alert: true },
          ...(head ? [{ key: 'unit-review', title: '待我审核', value: c.unitReview, suffix: '份', alert: true }] : []),
          { key: 'notices', title: '待办督办', value: c.notices, suffix: '件', alert: true },
          { key: 'help', title: '配合任务待填', value: c.contributionsOpen, suffix: '项' },
        ]}
      />
      <div className="home-columns">
        <div className="home-col home-col-wide">
          {head && (
            <HomeSection id="unit-review" title="待我审核" count={c.unitReview} empty={!c.unitReview && '没有待您审核的报告'}>
              <ul className="home-list">
                {data.unitReview.map((r) => (
                  <li key={r.reportId}>
                    <Link to={`/reports?plan=${r.planId}&tab=unit-review`} className="home-item-title">
                      {r.taskTitle}
                    </Link>
                    <div className="home-item-meta">
                      <span>{r.periodLabel}</span>
                      <span>报送于{dateTime(r.submittedAt)}</span>
                    </div>
                    <div className="home-item-plan">{r.planTitle}</div>
                  </li>
                ))}
              </ul>
            </HomeSection>
          )}
          <HomeSection id="notices" title="督办" count={c.notices} empty={!c.notices && '没有待办的督办'}>
            <ul className="home-list">
              {data.notices.map((n) => (
                <li key={n.noticeId} className={n.deadline.overdue ? 'is-overdue' : undefined}>
                  <Link to={`/notices/${n.noticeId}`} className="home-item-title">
                    {n.title}
                  </Link>
                  <div className="home-item-meta">
                    <Tag color={noticeLevelTagColors[n.level]}>{noticeLevelLabels[n.level]}</Tag>
                    <span>{noticeStatusLabels[n.status]}</span>
                    <DeadlineText d={n.deadline} />
                  </div>
                  <div className="home-item-plan">{n.planTitle}</div>
                </li>
              ))}
            </ul>
          </HomeSection>
          <HomeSection
            id="reports"
            title="本期应报进展"
            count={`${c.toReport} 项待报 / 共 ${data.reports.length} 项`}
            extra={<Link to="/reports">到我的报送(全部规划)</Link>}
            empty={!data.reports.length && '各规划本期没有需要本单位牵头报送的任务'}
          >
            <p className="muted home-hint">本单位牵头的任务,跨全部 {plans} 个规划,已逾期的排在最前;截止日期已按法定节假日调整,剩余天数按工作日计。</p>
            <ul className="home-list">
              {data.reports.map((r) => (
                <li key={`${r.planId}-${r.taskId}`} className={r.deadline.overdue ? 'is-overdue' : r.todo ? undefined : 'is-done'}>
                  <div className="home-item-row">
                    <Link to={`/reports?plan=${r.planId}&task=${r.taskId}`} className="home-item-title">
                      {r.taskTitle}
                    </Link>
                    <Button size="small" type={r.todo ? 'primary' : 'default'} className="home-item-button" onClick={() => navigate(`/reports?plan=${r.planId}&task=${r.taskId}`)}>
                      {actionOf(r)}
                    </Button>
                  </div>
                  <div className="home-item-meta">
                    <ReportTag r={r} />
                    <span>{r.period.label}</span>
                    <DeadlineText d={r.deadline} done={!r.todo} />
                    {r.period.state === 'locked' || r.period.state === 'upcoming' ? <Tag>{periodStateLabels[r.period.state]}</Tag> : null}
                    {/* the task's computed light, where it says more than this period's report does */}
                    {shownLight(r) && <StatusLight status={r.taskStatus} compact reason={false} />}
                  </div>
                  {r.returnReason && <div className="light-reason">退回理由:{r.returnReason}</div>}
                  <div className="home-item-plan">{r.planTitle}</div>
                </li>
              ))}
            </ul>
          </HomeSection>
        </div>
        <div className="home-col">
          <HomeSection id="help" title="责任、配合任务" count={`${c.contributionsOpen} 项未填 / 共 ${data.contributions.length} 项`} empty={!data.contributions.length && '本期没有需要本单位填报配合情况的任务'}>
            <ul className="home-list">
              {data.contributions.map((t) => (
                <li key={`${t.planId}-${t.taskId}`} className={t.given ? 'is-done' : undefined}>
                  <Link to={`/reports?plan=${t.planId}&tab=help&task=${t.taskId}`} className="home-item-title">
                    {t.taskTitle}
                  </Link>
                  <div className="home-item-meta">
                    <Tag>{taskRoleLabels[t.role]}{t.viaAllTowns ? '(各镇街)' : ''}</Tag>
                    {t.given ? <Tag color="success">已填写配合情况</Tag> : <Tag>未填写配合情况</Tag>}
                    <span>{t.period.label}</span>
                    <DeadlineText d={t.deadline} done={t.given} />
                  </div>
                  <div className="home-item-plan">{t.planTitle}</div>
                </li>
              ))}
            </ul>
          </HomeSection>
        </div>
      </div>
    </div>
  );
}
