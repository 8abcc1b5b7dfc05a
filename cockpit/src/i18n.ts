/** Chinese first, English on request; the choice is kept in the browser. */
export type Lang = 'zh' | 'en';

const zh = {
  title: '辽源市领导驾驶舱',
  appName: 'CityKPI 领导驾驶舱',
  overview: '全市总览',
  districts: '县区对比',
  alerts: '预警',
  reporting: '报送日历',
  targets: '目标管理',
  logout: '退出',
  switchLang: 'English',
  year: '年度',
  asOf: '截至',
  loading: '加载中…',
  kpi: '指标',
  value: '完成值',
  target: '目标',
  completion: '完成率',
  timeProgress: '时间进度',
  gap: '差距',
  status: '状态',
  rank: '排名',
  rankChange: '排名变化',
  unit: '单位',
  orgUnit: '地区',
  AHEAD: '超进度',
  ON_TRACK: '正常',
  BEHIND: '滞后',
  NO_TARGET: '无目标',
  NO_DATA: '无数据',
  HIGH: '高',
  MEDIUM: '中',
  LOW: '低',
  ON_TIME: '按时',
  LATE: '迟报',
  MISSING: '漏报',
  PENDING: '待报',
  statusCounts: '指标状态',
  alertCounts: '预警数',
  onTimeRate: '按时报送率',
  trend: '趋势',
  trendOf: '累计完成趋势',
  completionVsTime: '完成率与时间进度',
  latestAlerts: '最新高级别预警',
  allAlerts: '全部预警',
  completionRanking: '完成率排名',
  statusMatrix: '各县区指标状态',
  chooseKpi: '选择指标',
  monthlyByUnit: '各地区月度累计',
  units: '各地区',
  breakdown: '分类构成',
  breakdownBy: '分类',
  explain: '明细',
  explainTitle: '构成明细',
  contributions: '贡献记录',
  record: '记录',
  events: '事件',
  eventType: '事件类型',
  effectiveDate: '业务日期',
  recordedAt: '记录时间',
  numerator: '分子',
  denominator: '分母',
  previous: '上一页',
  next: '下一页',
  page: '页',
  back: '返回',
  severity: '级别',
  rule: '规则',
  message: '说明',
  date: '日期',
  all: '全部',
  newSince: '新增自',
  due: '应报',
  onTime: '按时',
  late: '迟报',
  missing: '漏报',
  pending: '待报',
  reportType: '报表',
  month: '月份',
  daysLate: '迟报天数',
  note: '依据',
  version: '版本',
  updatedBy: '修改人',
  edit: '修改',
  save: '保存',
  cancel: '取消',
  saved: '已保存',
  source: '来源',
  EXPLICIT: '设定',
  SUM_OF_CHILDREN: '下级合计',
  noPermission: '只有市级管理员(city-admin)可以修改目标。',
  none: '无',
  error: '出错了',
  city: '全市',
  field: '字段',
  recordFields: '记录内容',
  signedInAs: '当前用户',
  newTarget: '新增或修改目标',
  group: '分组',
};

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  title: 'Liaoyuan leadership cockpit',
  appName: 'CityKPI cockpit',
  overview: 'City overview',
  districts: 'Districts',
  alerts: 'Alerts',
  reporting: 'Reporting calendar',
  targets: 'Targets',
  logout: 'Log out',
  switchLang: '中文',
  year: 'Year',
  asOf: 'As of',
  loading: 'Loading…',
  kpi: 'KPI',
  value: 'Value',
  target: 'Target',
  completion: 'Completion',
  timeProgress: 'Time progress',
  gap: 'Gap',
  status: 'Status',
  rank: 'Rank',
  rankChange: 'Rank change',
  unit: 'Unit',
  orgUnit: 'Area',
  AHEAD: 'Ahead',
  ON_TRACK: 'On track',
  BEHIND: 'Behind',
  NO_TARGET: 'No target',
  NO_DATA: 'No data',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  ON_TIME: 'On time',
  LATE: 'Late',
  MISSING: 'Missing',
  PENDING: 'Pending',
  statusCounts: 'KPI status',
  alertCounts: 'Alerts',
  onTimeRate: 'On-time reporting',
  trend: 'Trend',
  trendOf: 'Year-to-date trend',
  completionVsTime: 'Completion against time progress',
  latestAlerts: 'Latest high alerts',
  allAlerts: 'All alerts',
  completionRanking: 'Completion ranking',
  statusMatrix: 'KPI status by area',
  chooseKpi: 'KPI',
  monthlyByUnit: 'Year to date by month and area',
  units: 'Areas',
  breakdown: 'Breakdown',
  breakdownBy: 'By',
  explain: 'Explain',
  explainTitle: 'What makes up the value',
  contributions: 'Contributing records',
  record: 'Record',
  events: 'Events',
  eventType: 'Event type',
  effectiveDate: 'Effective',
  recordedAt: 'Recorded',
  numerator: 'Numerator',
  denominator: 'Denominator',
  previous: 'Previous',
  next: 'Next',
  page: 'page',
  back: 'Back',
  severity: 'Severity',
  rule: 'Rule',
  message: 'Message',
  date: 'Date',
  all: 'All',
  newSince: 'New since',
  due: 'Due',
  onTime: 'On time',
  late: 'Late',
  missing: 'Missing',
  pending: 'Pending',
  reportType: 'Report',
  month: 'Month',
  daysLate: 'Days late',
  note: 'Source',
  version: 'Version',
  updatedBy: 'Changed by',
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Saved',
  source: 'Kind',
  EXPLICIT: 'Set',
  SUM_OF_CHILDREN: 'Sum of areas',
  noPermission: 'Only a city administrator (city-admin) can change targets.',
  none: 'None',
  error: 'Something went wrong',
  city: 'City',
  field: 'Field',
  recordFields: 'Record',
  signedInAs: 'Signed in as',
  newTarget: 'Set or change a target',
  group: 'Group',
};

let lang: Lang = localStorage.getItem('citykpi.lang') === 'en' ? 'en' : 'zh';

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem('citykpi.lang', next);
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

export function t(key: Key): string {
  return (lang === 'zh' ? zh : en)[key];
}

/** A text that may be a key (status, severity, ...) or not. */
export function label(word: string | undefined | null): string {
  if (!word) {
    return '';
  }
  return word in zh ? t(word as Key) : word;
}

/** A {zh, en} name in the current language. */
export function named(names: { zh?: string | null; en?: string | null } | null | undefined): string {
  if (!names) {
    return '';
  }
  return (lang === 'zh' ? names.zh : names.en) ?? names.zh ?? names.en ?? '';
}

/** A number with exactly {@code precision} decimals, grouped as the language groups them. */
export function number(value: number | null | undefined, precision = 2): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
    minimumFractionDigits: precision,
    maximumFractionDigits: precision,
  }).format(value);
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${number(value, 1)}%`;
}

export function dateTime(value: string | null | undefined): string {
  if (!value) {
    return '—';
  }
  return new Date(value).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai' });
}
