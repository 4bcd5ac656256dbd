"""The public home page: what the portal is, and the two ways in."""
