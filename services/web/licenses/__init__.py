"""The company's licenses: its dashboard, MANAGE LICENSES (tracking, history, release) and the CSV export."""
