"""The Freshdesk API v2 emulator (see `integrations.sandbox.freshdesk.app`)."""
