"""Constants of the dashboard tests (the server is `pipeline.support.serve`)."""

TOKEN = "dashboard-token-0123456789"
