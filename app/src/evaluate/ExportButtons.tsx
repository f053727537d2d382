// Excel exports of a plan: task ledger, indicator table, and the reporting record of a year.
import { useState } from 'react';
import { Button, InputNumber, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { exportUrls } from './evalApi';

export function ExportButtons({ planId }: { planId: number }) {
  const [year, setYear] = useState(dayjs().year());
  return (
    <Space wrap>
      <Button icon={<DownloadOutlined />} href={exportUrls.tasks(planId)}>任务台账</Button>
      <Button icon={<DownloadOutlined />} href={exportUrls.indicators(planId)}>指标监测表</Button>
      <Space.Compact>
        <InputNumber aria-label="报送记录年度" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} suffix="年" style={{ width: 100 }} />
        <Button icon={<DownloadOutlined />} href={exportUrls.reporting(planId, year)}>报送记录</Button>
      </Space.Compact>
    </Space>
  );
}
