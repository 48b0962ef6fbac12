"""The programmes module's tables: calendars, workforce, activities with their sessions, enrolments and registers."""

from tutti.programmes.models.activities import Activity, Session, WeeklySlot
from tutti.programmes.models.calendars import CalendarBreak, Term, TermCalendar
from tutti.programmes.models.enrolments import Attendance, Enrolment
from tutti.programmes.models.workforce import Instrument, SafeguardingCheck, StaffMember, TrainingRecord

__all__ = [
    "Activity",
    "Attendance",
    "CalendarBreak",
    "Enrolment",
    "Instrument",
    "SafeguardingCheck",
    "Session",
    "StaffMember",
    "Term",
    "TermCalendar",
    "TrainingRecord",
    "WeeklySlot",
]
