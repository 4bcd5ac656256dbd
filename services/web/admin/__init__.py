"""WSCC administrators: held orders, staff accounts (and disabling any account), certifications and their
required documents, reinstating an expired license."""
