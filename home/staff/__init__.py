"""Each institution manages its own staff: its administrator (*Admin Instansi*) lists, invites,
creates, deactivates and hands over the work of the people of its institution, and gives and
takes the institution's roles — on Wagtail's users admin, scoped by a permission policy."""
