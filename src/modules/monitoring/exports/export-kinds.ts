/** Every table of the dashboard pages, by the name an export asks for it with. */
export const DASHBOARD_TABLE_KINDS = [
  'jp-children',
  'jp-types',
  'jp-golongan',
  'jp-trend',
  'completion-courses',
  'completion-children',
  'competency-coverage',
  'competency-heatmap',
  'plan-children',
] as const;
export type DashboardTableKind = (typeof DASHBOARD_TABLE_KINDS)[number];

/** The filters a dashboard table is exported with (the fields of DashboardTableParamsDto). */
export const DASHBOARD_TABLE_PARAM_KEYS = [
  'node',
  'year',
  'fromMonth',
  'toMonth',
  'courseId',
  'competencyCode',
] as const;

/** What can be exported: a people list, or any table of the dashboard pages. */
export const EXPORT_KINDS = ['people', ...DASHBOARD_TABLE_KINDS] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
