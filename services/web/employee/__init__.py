"""The employee's journey: the employer's code, the introduction course, applications and their documents,
using the license."""
