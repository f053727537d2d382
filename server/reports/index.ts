// Public surface of the report builders: pure functions from plain data to file bytes.
export * from '../../shared/reportDocs.js';
export { countEvaluations, summarizeTasks, sumCounts } from './summarize.js';
export { buildEvaluationReport, evaluationReportTitle } from './docx/evaluationReport.js';
export { buildSupervisionNotice } from './docx/supervisionNotice.js';
export { buildTaskLedgerXlsx } from './xlsx/taskLedger.js';
export { buildIndicatorXlsx } from './xlsx/indicatorSheet.js';
export { buildReportingRecordXlsx } from './xlsx/reportingRecord.js';
export { readTaskDivisionTable, type TaskDivisionPreview, type PreviewRow, type ReadOptions } from './xlsx/taskDivisionImport.js';
export { toParsedPlan, cellSeparator, type ToPlanOptions } from './xlsx/tableToPlan.js';
export { taskFieldSchema, columnMappingSchema, type TaskField, type ColumnMapping } from '../../shared/evaluation.js';
export { renderChart, renderChartSvg, svgToPng } from './charts/render.js';
