"""The typed loader: defaults, environment overrides, and clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.settings import ConfigError, load_feeds, load_settings
from tests.support.paths import REPO


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_committed_config_loads_with_its_feeds_and_watchlist():
    settings = load_settings(REPO / "config", environ={})
    assert settings.db_path == Path("data/dealwatch.duckdb")
    assert settings.schedule.cron == "*/15 * * * *"
    feeds = load_feeds(settings.feeds_path)
    assert len(feeds) >= 5
    assert any("news.google.com/rss/search" in f.url for f in feeds)
    assert settings.watchlist_path.exists()


def test_environment_overrides_file_and_aliases(tmp_path):
    write(tmp_path / "dealwatch.toml", "[feeds]\ntimeout_s = 20\n")
    env = {
        "DEALWATCH_DB": str(tmp_path / "w.duckdb"),
        "DEALWATCH_TIMEOUT_S": "3.5",
        "DEALWATCH_FEEDS_FILE": str(tmp_path / "f.toml"),
        "DEALWATCH_ALLOWED_PRIVATE_NETWORKS": "127.0.0.0/8, 10.0.0.0/8",
        "DEALWATCH_NOTIFY": "json://127.0.0.1:9/a new_deal,contradiction=mailto://u:secret@127.0.0.1",
    }
    settings = load_settings(tmp_path, environ=env)
    assert settings.db_path == tmp_path / "w.duckdb"
    assert settings.feeds.timeout_s == 3.5
    assert settings.feeds_path == tmp_path / "f.toml"
    assert settings.feeds.allowed_private_networks == ("127.0.0.0/8", "10.0.0.0/8")
    assert [s.get_secret_value() for s in settings.alerts.notify][1].endswith("secret@127.0.0.1")
    assert "secret" not in repr(settings) and "secret" not in str(settings.model_dump())


def test_config_dir_from_environment(tmp_path):
    write(tmp_path / "dealwatch.toml", "[schedule]\ncron = '0 * * * *'\n")
    settings = load_settings(environ={"DEALWATCH_CONFIG": str(tmp_path)})
    assert settings.schedule.cron == "0 * * * *"
    assert settings.config_dir == tmp_path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[feeds]\ntimout_s = 3\n", "timout_s"),
        ("[fedds]\n", r"unknown section \[fedds\] \(did you mean feeds\?\)"),
        ("[alerts]\nnotify = ['slack://x']\n", "environment"),
        ("[feeds]\nallowed_private_networks = ['not-a-net']\n", "CIDR"),
        ("[feeds\n", "not valid TOML"),
        ("[[alerts.channel]]\nname='x'\nkinds=['new_dael']\n", "unknown alert kinds"),
    ],
)
def test_bad_settings_are_clear_errors(tmp_path, text, message):
    write(tmp_path / "dealwatch.toml", text)
    with pytest.raises(ConfigError, match=message):
        load_settings(tmp_path, environ={})


def test_channel_url_comes_from_its_environment_variable(tmp_path, monkeypatch):
    write(
        tmp_path / "dealwatch.toml",
        "[[alerts.channel]]\nname = 'ops'\nurl_env = 'OPS_URL'\nkinds = ['feed_failing']\n",
    )
    monkeypatch.setenv("OPS_URL", "mailto://user:pw@127.0.0.1")
    settings = load_settings(tmp_path, environ={})
    (channel,) = settings.alerts.channels
    assert channel.kinds == ("feed_failing",)
    assert channel.resolved_url().get_secret_value() == "mailto://user:pw@127.0.0.1"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[feed]]\nname = 'a'\n", "url"),
        ("[[feed]]\nname = 'a'\nurl = 'http://x'\ncolour = 'red'\n", "colour"),
        ("[[feed]]\nname='a'\nurl='http://x'\n[[feed]]\nname='b'\nurl='http://x'\n", "twice"),
        ("[[feeds]]\nname='a'\nurl='http://x'\n", r"unknown key feeds \(did you mean feed\?\)"),
    ],
)
def test_bad_feeds_files_are_clear_errors(tmp_path, text, message):
    path = write(tmp_path / "feeds.toml", text)
    with pytest.raises(ConfigError, match=message):
        load_feeds(path)


def test_disabled_feeds_are_skipped(tmp_path):
    path = write(
        tmp_path / "feeds.toml",
        "[[feed]]\nname='a'\nurl='http://a'\ntags=['x']\n[[feed]]\nname='b'\nurl='http://b'\nenabled=false\n",
    )
    assert [f.name for f in load_feeds(path)] == ["a"]
