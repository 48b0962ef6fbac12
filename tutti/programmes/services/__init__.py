"""Writes of the programmes module, one module per subject: calendars, workforce, activities, enrolments, registers."""
