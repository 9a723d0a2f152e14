"""Timekeeping: the working-time clock, step timings, where a task stands against its standard,
reminders and escalations, and compliance statistics."""
