// Region choices for selects: the city and districts, then each district's towns (镇街) grouped under it.
import type { Region } from './api';

/** Districts (and the city) first, each district's towns grouped under it: "永川区 / 青峰镇". */
export function regionOptions(list: Region[]) {
  const byId = new Map(list.map((r) => [r.id, r]));
  const upper = list.filter((r) => r.level !== 'town');
  const towns = list.filter((r) => r.level === 'town');
  const groups = upper
    .map((d) => ({ d, towns: towns.filter((t) => t.parentId === d.id) }))
    .filter((g) => g.towns.length);
  return [
    ...upper.map((r) => ({ value: r.id, label: r.name })),
    ...groups.map((g) => ({ label: `${g.d.name}的镇街`, options: g.towns.map((t) => ({ value: t.id, label: `${byId.get(t.parentId ?? -1)?.name ?? ''} / ${t.name}` })) })),
    ...towns.filter((t) => !byId.has(t.parentId ?? -1)).map((t) => ({ value: t.id, label: t.name })),
  ];
}
