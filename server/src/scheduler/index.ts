/** The one scheduler: deadline reminders and the morning summary (docs/reminders-and-summary.md). */
export { schedulerPlugin } from './job'
export { createScheduler, SCHEDULER_LEASE, type Scheduler, type SchedulerReport } from './scheduler'
export { dueReminder, reminderSourceKey, sendDueReminders } from './reminders'
export { sendMorningSummaries, summaryDay, summarySourceKey } from './summary'
