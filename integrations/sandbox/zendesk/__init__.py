"""The Zendesk Support API emulator (see `integrations.sandbox.zendesk.app`)."""
