/** Strings of the answer-deadline countdown (components/deadline-countdown), both languages side by side. */
const zh = {
  'deadline.left': '剩余时间',
  'deadline.left.days': '剩 {days} 天 {hours} 小时',
  'deadline.left.hours': '剩 {hours} 小时 {minutes} 分',
  'deadline.overdue': '已逾期',
} as const

export const deadlinesZhCN = zh
export const deadlinesEnUS: Record<keyof typeof zh, string> = {
  'deadline.left': 'Time left',
  'deadline.left.days': '{days} d {hours} h left',
  'deadline.left.hours': '{hours} h {minutes} min left',
  'deadline.overdue': 'Overdue',
}
