"""Moderation: what an SOP task's actions do, the checks that gate them, their forms, paraf,
notifications, and the publication at the end of the workflow."""
