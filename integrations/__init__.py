"""deskops: run a hosted helpdesk (Zendesk or Freshdesk) as code."""

__version__ = "0.1.0"
