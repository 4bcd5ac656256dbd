"""Forms, one module per area; every label and message goes through gettext."""
