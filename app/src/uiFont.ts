// The one font stack of the app: Ant Design's theme and the charts use it. ECharts measures its text on a canvas
// with this string, so it must be a real family list — 'inherit' measured as the canvas default (10px sans-serif)
// and the legend's Chinese labels, drawn wider, ran into each other on a phone.
export const uiFont = '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
