"""Database and queue URLs reach messages with their password masked, at the source.

`integrations.cli.main.redact` is the CLI's last guard; these errors are also raised to
the receiver, the worker and any program using the library, so the events package masks
``scheme://user:***@host`` itself.
"""

from __future__ import annotations

import pytest

from integrations.errors import ConfigError
from integrations.events import EventQueue, masked_url, open_store

PASSWORD = "pa55-w0rd-8f14e45fceea167a"


@pytest.mark.parametrize(("url", "shown"), [
    (f"postgresql://deskops:{PASSWORD}@db:5432/events", "postgresql://deskops:***@db:5432/events"),
    (f"redis://:{PASSWORD}@cache:6379/0", "redis://:***@cache:6379/0"),
    (f"postgresql://u:{PASSWORD}/x@db/events", "postgresql://u:***@db/events"),  # raw "/"
    (f"postgresql://u:{PASSWORD}@x@db/events", "postgresql://u:***@db/events"),  # raw "@"
    (f"postgresql://db/events?user=u&password={PASSWORD}&sslmode=require",
     "postgresql://db/events?user=u&password=***&sslmode=require"),
    ("postgresql://deskops@db/events", "postgresql://deskops@db/events"),  # nothing to hide
    ("sqlite:///var/lib/deskops/events.db", "sqlite:///var/lib/deskops/events.db"),
])
def test_masked_url_hides_only_the_password(url: str, shown: str) -> None:
    assert masked_url(url) == shown


def test_unknown_database_scheme_names_the_url_without_its_password() -> None:
    with pytest.raises(ConfigError) as err:
        open_store(f"mysql://root:{PASSWORD}@db/deskops")
    assert str(err.value) == ("DESKOPS_DATABASE_URL 'mysql://root:***@db/deskops': use "
                              "sqlite:///PATH or postgresql://…")


def test_bad_queue_url_names_the_url_without_its_password() -> None:
    with pytest.raises(ConfigError) as err:
        EventQueue(f"amqp://guest:{PASSWORD}@mq:5672/")
    assert str(err.value) == ("DESKOPS_QUEUE_URL 'amqp://guest:***@mq:5672/': use "
                              "sqlite:///PATH or redis://HOST")


def test_unparseable_redis_url_is_a_config_error_without_its_password() -> None:
    """redis-py parses the URL when the queue is built: its ValueError was a 'deskops bug'
    line before, and named nothing; now it is one ConfigError naming the masked URL."""
    pytest.importorskip("redis")
    with pytest.raises(ConfigError) as err:
        EventQueue(f"redis://:{PASSWORD}@cache:port/0")
    assert str(err.value).startswith("DESKOPS_QUEUE_URL 'redis://:***@cache:port/0': ")
    assert "port" in str(err.value).lower().split(": ", 1)[1]
    assert PASSWORD not in repr(err.value)
