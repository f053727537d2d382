// A numeric target as read aloud: 下降 when it is a decrease, the comparator and value, 每年 when it recurs.
import { Tag } from 'antd';
import { targetValue } from '../format';

interface Props {
  comparator: string;
  value: number;
  valueMax: number | null;
  unit: string | null;
  decrease: boolean;
  recurring: boolean;
}

export function TargetValueText({ comparator, value, valueMax, unit, decrease, recurring }: Props) {
  return (
    <span>
      {decrease && '下降 '}
      {targetValue(comparator, value, valueMax, unit)}
      {recurring && <Tag style={{ marginLeft: 4 }}>每年</Tag>}
    </span>
  );
}
