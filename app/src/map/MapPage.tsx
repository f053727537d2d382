// 一图呈现 (issue #14): the city's districts coloured by how their plans stand or by what their 城市体检 found, with
// the library's projects that have a point. Boundaries ship with the app (server/data/geo, bundled as a hashed asset
// loaded on demand): no internet access is needed. Click a district (on the map or in the list) to drill into it: the
// district alone with its project points, its towns (镇街) coloured by the same rules, and its plans, check-up and
// projects beside it; 返回全市 goes back. No town boundary ships (no openly licensed source: server/data/geo/README.md),
// so the towns are tiles in the registry's order, not shapes. Click a project point (on the map or in the district's
// list) to open the project, as in 项目库.
import { tooltipLines } from '../chartTooltip';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Empty, InputNumber, List, Segmented, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import * as echarts from 'echarts/core';
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { MapAnswer } from '../../../shared/checkup';
import type { Unit } from '../../../shared/api';
import { request } from '../api';
import { PageLoading } from '../components/PageLoading';
import { ProjectDrawer } from '../projects/ProjectDrawer';
import { loadUnits } from '../unitsCache';
import { useInvalidate, useRequest } from '../useRequest';
import { uiFont } from '../uiFont';
import './map.css';

echarts.use([MapChart, ScatterChart, GeoComponent, TooltipComponent, SVGRenderer]);

const MAP = 'chongqing';
type Geo = { type: 'FeatureCollection'; features: { properties: { name: string } }[] };
let geo: Geo | null = null;
let registered: Promise<void> | null = null;
/** the boundary file, fetched from the app's own assets once */
function registerChongqing(): Promise<void> {
  registered ??= import('../../../server/data/geo/chongqing-districts.json').then((m) => {
    geo = (m.default ?? m) as unknown as Geo;
    echarts.registerMap(MAP, geo as never);
  });
  return registered;
}
/** one district's outline as a map of its own (the drill-down), registered once */
function districtMap(name: string): string | null {
  const key = `${MAP}:${name}`;
  if (echarts.getMap(key)) return key;
  const feature = geo?.features.find((f) => f.properties.name === name);
  if (!feature) return null;
  echarts.registerMap(key, { type: 'FeatureCollection', features: [feature] } as never);
  return key;
}

const fill: Record<string, string> = { green: '#95de64', yellow: '#ffd666', red: '#ff7875', grey: '#f0f0f0' };
const tagColor: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red', grey: 'default' };
type Area = MapAnswer['areas'][number];

export default function MapPage() {
  const [mode, setMode] = useState<'plans' | 'checkup'>('plans');
  const [year, setYear] = useState<number | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [project, setProject] = useState<number | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => void loadUnits().then(setUnits, () => setUnits([])), []);
  const answer = useRequest(['map', mode, year], () => request<MapAnswer>('/api/map', { query: { mode, year: mode === 'checkup' ? year ?? undefined : undefined } }));
  const invalidate = useInvalidate();
  useEffect(() => {
    registerChongqing().then(() => setReady(true), () => setFailed(true));
  }, []);
  const data = answer.data;
  const area = data?.areas.find((a) => a.name === selected) ?? null;
  const mine = useMemo(() => (data?.areas ?? []).filter((a) => a.color !== 'grey' || a.plans.length || a.checkupId), [data]);

  return (
    <div className="map-page">
      <div className="page-head">
        <h2>一图呈现</h2>
        <Space wrap>
          {area && (
            <Button icon={<ArrowLeftOutlined />} onClick={() => setSelected(null)} data-testid="map-back">返回全市</Button>
          )}
          <Segmented
            value={mode}
            onChange={(v) => { setMode(v as 'plans' | 'checkup'); setSelected(null); }}
            options={[{ value: 'plans', label: '规划任务状态' }, { value: 'checkup', label: '城市体检结果' }]}
          />
          {mode === 'checkup' && (
            <InputNumber aria-label="体检年度" min={2000} max={2100} value={year ?? data?.year ?? undefined} onChange={(v) => setYear(typeof v === 'number' ? v : null)} addonAfter="年" style={{ width: 120 }} />
          )}
        </Space>
      </div>
      {data && <Typography.Paragraph type="secondary" className="map-legend">{data.legend}</Typography.Paragraph>}
      <div className="map-body">
        <div className="map-canvas-wrap">
          {failed ? <Alert type="error" message="地图边界文件加载失败" /> : !ready || !data ? <PageLoading tip="正在加载地图…" /> : <MapCanvas data={data} drilled={area?.name ?? null} onSelect={setSelected} onProject={setProject} />}
          {area && <TownGrid area={area} mode={mode} />}
          <div className="map-key">
            {(['green', 'yellow', 'red', 'grey'] as const).map((c) => (
              <span key={c}><i style={{ background: fill[c] }} />{{ green: mode === 'plans' ? '正常' : '无问题', yellow: mode === 'plans' ? '部分滞后' : '1–3个问题', red: mode === 'plans' ? '滞后较多' : '4个及以上', grey: '无数据' }[c]}</span>
            ))}
            {!!data?.points.length && <span><i className="dot" />项目点位</span>}
          </div>
        </div>
        <div className="map-side" data-testid="map-side">
          {area ? (
            <AreaPanel area={area} mode={mode} points={(data?.points ?? []).filter((p) => p.regionName === area.name)} onProject={setProject} />
          ) : (
            <>
              <Typography.Title level={5}>点击区县查看规划与项目</Typography.Title>
              {mine.length ? (
                <List
                  size="small"
                  dataSource={mine}
                  renderItem={(a) => (
                    <List.Item className="clickable-row" onClick={() => setSelected(a.name)}>
                      <Space><Tag color={tagColor[a.color]}>{a.name}</Tag><span className="muted clamp-2">{a.text}</span></Space>
                    </List.Item>
                  )}
                />
              ) : (
                <Empty description="暂无可显示的区县数据" />
              )}
            </>
          )}
        </div>
      </div>
      <ProjectDrawer id={project} onClose={() => setProject(null)} onChanged={() => void invalidate(['map'], ['projects'])} units={units} />
    </div>
  );
}

/** The city's 38 districts, or (drilled) one district alone with its project points. */
function MapCanvas({ data, drilled, onSelect, onProject }: { data: MapAnswer; drilled: string | null; onSelect: (name: string | null) => void; onProject: (id: number) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => {
      if (p.seriesType === 'scatter') {
        const id = (p.data as { id?: number } | undefined)?.id;
        if (id) onProject(id);
      } else if ((p.componentType === 'geo' || p.seriesType === 'map') && (p.name || '') !== '') onSelect(p.name);
    });
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
      chart.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const byName = new Map(data.areas.map((a) => [a.name, a]));
    const map = (drilled && districtMap(drilled)) || MAP;
    const areas = map === MAP ? data.areas : data.areas.filter((a) => a.name === drilled);
    const points = map === MAP ? data.points : data.points.filter((p) => p.regionName === drilled);
    chart.current?.resize(); // the drilled canvas is shorter (the towns sit under it)
    chart.current?.setOption(
      {
        animation: false,
        textStyle: { fontFamily: uiFont },
        tooltip: {
          trigger: 'item',
          confine: true,
          // names and texts come from stored data: nodes with textContent, never an HTML string (chartTooltip.ts)
          formatter: (p: { name: string; seriesType?: string; data?: { text?: string } }) => tooltipLines(p.seriesType === 'scatter' ? [p.name, p.data?.text ?? ''] : byName.has(p.name) ? [byName.get(p.name)!.name, byName.get(p.name)!.text] : [p.name]),
          extraCssText: 'max-width:280px;white-space:normal;',
        },
        geo: {
          map,
          roam: true,
          layoutCenter: ['50%', '50%'],
          layoutSize: map === MAP ? '98%' : '90%',
          label: { show: false },
          itemStyle: { borderColor: '#8c8c8c', borderWidth: 0.6, areaColor: fill.grey },
          emphasis: { label: { show: true, fontSize: 11 }, itemStyle: { areaColor: '#bae0ff' } },
          select: { label: { show: true }, itemStyle: { areaColor: '#91caff' } },
          selectedMode: map === MAP ? 'single' : false,
          regions: areas.map((a) => ({
            name: a.name,
            itemStyle: { areaColor: fill[a.color] },
            label: { show: map !== MAP || a.color !== 'grey' || a.plans.length > 0, fontSize: map === MAP ? 10 : 14, color: '#262626' },
          })),
        },
        series: [
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            symbolSize: 10,
            cursor: 'pointer',
            itemStyle: { color: '#8f1c22', borderColor: '#fff', borderWidth: 1 },
            data: points.map((p) => ({ id: p.id, name: p.name, value: [p.lng, p.lat], text: p.text })),
          },
        ],
      },
      { notMerge: true },
    );
  }, [data, drilled]);
  return <div ref={el} className={drilled ? 'map-canvas drilled' : 'map-canvas'} role="img" aria-label={drilled ? `${drilled}地图` : '重庆市区县地图'} data-testid="map-canvas" />;
}

/** a tile's short word: the figure, or why there is none (no data at all, or tasks none of which is judged yet) */
const townTag = (t: MapAnswer['areas'][number]['towns'][number], mode: 'plans' | 'checkup') =>
  t.value === null ? (t.text === '无数据' ? '无数据' : '尚无判定') : mode === 'plans' ? `正常推进 ${t.value}%` : t.value ? `${t.value}个问题` : '无问题';

/** A drilled district's towns, coloured as the districts are; no boundary ships, so they are tiles, not shapes. */
function TownGrid({ area, mode }: { area: Area; mode: 'plans' | 'checkup' }) {
  if (!area.towns.length) return <p className="muted town-none">本系统登记表中没有{area.name}的镇街。</p>;
  return (
    <div className="town-grid-wrap" data-testid="town-grid">
      <div className="town-grid-head">
        <Typography.Text strong>{area.name}镇街({area.towns.length})</Typography.Text>
        <Typography.Text type="secondary">镇街边界暂无开放许可的数据来源,按登记顺序列出;颜色规则同区县</Typography.Text>
      </div>
      <div className="town-grid">
        {area.towns.map((t) => {
          const body = (
            <>
              <b>{t.name}</b>
              <span>{townTag(t, mode)}</span>
              {t.projectCount > 0 && <span>项目 {t.projectCount}</span>}
            </>
          );
          return t.projectCount > 0 ? (
            <Link key={t.regionId} to={`/projects?regionId=${t.regionId}`} className="town-tile" data-testid="town-tile" data-color={t.color} title={t.text} style={{ background: fill[t.color] }}>{body}</Link>
          ) : (
            <div key={t.regionId} className="town-tile" data-testid="town-tile" data-color={t.color} title={t.text} style={{ background: fill[t.color] }}>{body}</div>
          );
        })}
      </div>
    </div>
  );
}

function AreaPanel({ area, mode, points, onProject }: { area: Area; mode: 'plans' | 'checkup'; points: MapAnswer['points']; onProject: (id: number) => void }) {
  return (
    <div className="area-panel" data-testid="area-panel">
      <Space align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>{area.name}</Typography.Title>
        <Tag color={tagColor[area.color]}>{area.value === null ? '无数据' : mode === 'plans' ? `正常推进 ${area.value}%` : `${area.value}个问题`}</Tag>
      </Space>
      <p>{area.text}</p>
      {area.checkupId ? (
        <p><Link to={`/checkups/${area.checkupId}`}>查看{area.checkupYear ? `${area.checkupYear}年` : ''}城市体检 →</Link></p>
      ) : (
        <p className="muted">无可查看的城市体检</p>
      )}
      <Typography.Text strong>规划({area.plans.length})</Typography.Text>
      {area.plans.length ? (
        <ul className="area-list">{area.plans.map((p) => <li key={p.id}><Link to={`/plans/${p.id}`}>{p.title}</Link></li>)}</ul>
      ) : (
        <p className="muted">无可查看的规划</p>
      )}
      <Typography.Text strong>项目({area.projectCount})</Typography.Text>
      {area.regionId !== null && area.projectCount > 0 && <p className="area-more"><Link to={`/projects?regionId=${area.regionId}`}>在项目库中查看本区县全部项目 →</Link></p>}
      <Typography.Text type="secondary">带坐标的项目({points.length})</Typography.Text>
      {points.length ? (
        <ul className="area-list">
          {points.map((p) => (
            <li key={p.id}>
              <a role="button" tabIndex={0} data-testid="area-project" onClick={() => onProject(p.id)} onKeyDown={(e) => e.key === 'Enter' && onProject(p.id)}>{p.name}</a>
              <span className="muted"> {p.text}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">暂无带坐标的项目</p>
      )}
    </div>
  );
}
