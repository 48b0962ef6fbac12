"""Pages of the programmes module: calendars, lists with exports, the workforce, and tutors' registers."""
