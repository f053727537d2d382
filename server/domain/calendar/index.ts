export {
  buildCalendar,
  calendarCoverage,
  defaultCalendar,
  holidayDataSchema,
  holidayYearSchema,
  type CalendarCoverage,
  type HolidayData,
  type WorkingCalendar,
} from './calendarData.js';
export {
  addWorkingDays,
  adjustDueDate,
  countWorkingDays,
  dayKind,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysUntil,
  type DueDatePolicy,
} from './workingDays.js';
