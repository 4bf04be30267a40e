"""One typed loader for everything a user configures.

``config/dealwatch.toml`` holds the settings, grouped in sections; every setting
can be overridden from the environment as ``DEALWATCH_<NAME>`` where NAME is the
key's own name in upper case (``DEALWATCH_TIMEOUT_S``). A few short aliases are
kept because people type them: ``DEALWATCH_DB`` (warehouse path),
``DEALWATCH_FEEDS_FILE``, ``DEALWATCH_NOTIFY`` (apprise URLs, space-separated,
optionally ``kind,kind=url``) and ``DEALWATCH_CONFIG`` (the config folder).

Unknown keys are an error, not a silent no-op: a typo in a threshold must not
leave the default quietly in force. Secrets (apprise URLs with tokens or
passwords) are read from the environment only and held as ``SecretStr`` so
they never reach a log line or the warehouse.
"""

from __future__ import annotations

import ipaddress
import json
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

ENV_PREFIX = "DEALWATCH_"
DEFAULT_CONFIG_DIR = Path("config")
SETTINGS_FILE = "dealwatch.toml"
ALERT_KINDS = ("new_deal", "new_figure", "contradiction", "feed_failing", "feed_recovered")


class ConfigError(ValueError):
    """The configuration cannot be used as written; the message says where and why."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WarehouseSettings(_Section):
    path: Path = Path("data/dealwatch.duckdb")
    # How long a run waits for readers to let go of the file before it gives up.
    write_timeout_s: float = 120.0
    export_dir: Path = Path("data/export")


class FeedSettings(_Section):
    feeds_file: Path = Path("feeds.toml")
    timeout_s: float = 20.0
    connect_timeout_s: float = 10.0
    max_concurrency: int = 8
    per_host_concurrency: int = 2
    per_host_interval_s: float = 1.0
    max_body_bytes: int = 10_000_000
    max_redirects: int = 5
    max_retries: int = 2
    user_agent: str = "dealwatch/0.1 (AI talent deal monitor; +https://pypi.org/project/dealwatch/)"
    respect_robots: bool = True
    unconditional_every_h: float = 24.0
    min_poll_interval_min: float = 15.0
    max_poll_interval_min: float = 360.0
    max_items_per_feed: int = 200
    allowed_private_networks: tuple[str, ...] = ()
    page_batch_size: int = 25

    @field_validator("allowed_private_networks")
    @classmethod
    def _valid_networks(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for cidr in value:
            try:
                ipaddress.ip_network(cidr, strict=False)
            except ValueError as exc:
                raise ValueError(f"not a CIDR range: {cidr!r}") from exc
        return value


class ScheduleSettings(_Section):
    cron: str = "*/15 * * * *"
    timezone: str = "UTC"
    deployment_name: str = "dealwatch-monitor"


class ChannelSettings(_Section):
    """One alert destination. The URL comes from the environment variable ``url_env``."""

    name: str
    url_env: str | None = None
    url: SecretStr | None = None
    kinds: tuple[str, ...] = ALERT_KINDS

    @field_validator("kinds")
    @classmethod
    def _known_kinds(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = set(value) - set(ALERT_KINDS)
        if unknown:
            raise ValueError(f"unknown alert kinds {sorted(unknown)}; known: {list(ALERT_KINDS)}")
        return value

    def resolved_url(self) -> SecretStr | None:
        if self.url is not None:
            return self.url
        if self.url_env and os.environ.get(self.url_env):
            return SecretStr(os.environ[self.url_env])
        return None


class AlertSettings(_Section):
    channels: tuple[ChannelSettings, ...] = ()
    notify: tuple[SecretStr, ...] = ()  # from DEALWATCH_NOTIFY only
    feed_failing_after: int = 3
    digest_threshold: int = 10
    mute_deals: tuple[str, ...] = ()
    mute_metrics: tuple[str, ...] = ()
    realert_on_new_source: bool = False
    send_timeout_s: float = 30.0
    slack_min_interval_s: float = 1.0
    # Time-varying figures (ages, valuations) stated this many days apart are different moments.
    same_moment_days: int = 30
    # Claims and deals the analysis is less sure of than this raise no alert (their audit row says
    # "below confidence"); they are stored and shown with their confidence all the same.
    min_confidence: float = Field(default=0.6, ge=0.0, le=1.0)


class AnalysisSettings(_Section):
    watchlist_file: Path = Path("watchlist.toml")


class RunSettings(_Section):
    task_runner: Literal["threads", "dask"] = "threads"
    dask_address: str | None = None
    dask_workers: int = 2
    # Worker processes extracting pages (CPU-bound, GIL-held); 0: the task threads.
    # Both kinds of worker start only for a run of more than one batch.
    extract_processes: int = Field(default=1, ge=0)
    # Processes analysing what was extracted, on another core meanwhile (0: analysed where it was
    # extracted).
    analysis_workers: int = Field(default=1, ge=0)
    data_dir: Path = Path("data")
    seeds_dir: Path = Path("seeds")
    # A run that finds another holding the run lock waits this long, then skips.
    lock_wait_s: float = 0.0


class ReportSettings(_Section):
    """The static report (``dealwatch report``): where it is written and where people read it."""

    # The folder the report's pages are written to (index.html, deals/<deal>.html).
    report_dir: Path = Path("data/report")
    # Where the report is published, e.g. "https://intranet.example/dealwatch/"; when set,
    # every alert carries a link to its deal's page and the alert's place on it.
    base_url: str | None = None
    # Rebuild the report after every `dealwatch run` and every run `dealwatch serve` starts.
    build_after_run: bool = False

    @field_validator("base_url")
    @classmethod
    def _web_base_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("https://", "http://")):
            raise ValueError(f"not an http(s) URL: {value!r}")
        return value


class Settings(_Section):
    config_dir: Path = DEFAULT_CONFIG_DIR
    warehouse: WarehouseSettings = Field(default_factory=WarehouseSettings)
    feeds: FeedSettings = Field(default_factory=FeedSettings)
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    analysis: AnalysisSettings = Field(default_factory=AnalysisSettings)
    run: RunSettings = Field(default_factory=RunSettings)
    report: ReportSettings = Field(default_factory=ReportSettings)

    @property
    def db_path(self) -> Path:
        return self.warehouse.path

    @property
    def feeds_path(self) -> Path:
        return _under(self.config_dir, self.feeds.feeds_file)

    @property
    def watchlist_path(self) -> Path:
        return _under(self.config_dir, self.analysis.watchlist_file)


def _under(base: Path, path: Path) -> Path:
    return path if path.is_absolute() else base / path


SECTIONS: dict[str, type[_Section]] = {
    "warehouse": WarehouseSettings,
    "feeds": FeedSettings,
    "schedule": ScheduleSettings,
    "alerts": AlertSettings,
    "analysis": AnalysisSettings,
    "run": RunSettings,
    "report": ReportSettings,
}
ALIASES: dict[str, tuple[str, str]] = {
    "DB": ("warehouse", "path"),
    "FEEDS_FILE": ("feeds", "feeds_file"),
    "NOTIFY": ("alerts", "notify"),
}
# Settings that must not come from a file, because they carry secrets.
ENV_ONLY = {("alerts", "notify")}


def _env_name_map() -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for section, model in SECTIONS.items():
        for key in model.model_fields:
            env = key.upper()
            if env in names:
                raise RuntimeError(f"setting name {key} is used in two sections")
            names[env] = (section, key)
    names.update(ALIASES)
    return names


def _parse_env_value(raw: str, section: str, key: str) -> Any:
    """Lists come space- or comma-separated, or as JSON; scalars as written."""
    annotation = SECTIONS[section].model_fields[key].annotation
    if "tuple" in str(annotation):
        stripped = raw.strip()
        if stripped.startswith("["):
            return json.loads(stripped)
        separators = stripped.replace(",", " ") if key != "notify" else stripped
        return [part for part in separators.split() if part]
    return raw


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def load_settings(
    config_dir: Path | str | None = None, environ: dict[str, str] | None = None
) -> Settings:
    """Read ``dealwatch.toml`` from the config folder, then apply the environment."""
    env = dict(os.environ if environ is None else environ)
    directory = Path(config_dir or env.get(ENV_PREFIX + "CONFIG") or DEFAULT_CONFIG_DIR)
    file_path = directory / SETTINGS_FILE
    raw: dict[str, Any] = _read_toml(file_path) if file_path.exists() else {}

    unknown_sections = set(raw) - set(SECTIONS)
    if unknown_sections:
        raise ConfigError(
            f"{file_path}: unknown sections {sorted(unknown_sections)}; known: {sorted(SECTIONS)}"
        )
    for section, key in ENV_ONLY:
        if key in raw.get(section, {}):
            raise ConfigError(
                f"{file_path}: [{section}] {key} carries secrets and is read from the environment "
                f"only ({ENV_PREFIX}{key.upper()}); use a channel with url_env instead"
            )
    if "channel" in raw.get("alerts", {}):
        raw["alerts"]["channels"] = raw["alerts"].pop("channel")

    names = _env_name_map()
    for env_key, value in env.items():
        if not env_key.startswith(ENV_PREFIX) or env_key == ENV_PREFIX + "CONFIG":
            continue
        target = names.get(env_key[len(ENV_PREFIX) :])
        if target is None:
            continue
        section, key = target
        raw.setdefault(section, {})[key] = _parse_env_value(value, section, key)

    try:
        return Settings(config_dir=directory, **raw)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"{file_path}: {problems}") from None


class FeedConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    url: str
    tags: tuple[str, ...] = ()
    enabled: bool = True


def load_feeds(path: Path) -> list[FeedConfig]:
    """The ``[[feed]]`` tables of a feeds file, each with at least ``name`` and ``url``."""
    if not path.exists():
        raise ConfigError(f"feeds file not found: {path}")
    raw = _read_toml(path)
    unknown = set(raw) - {"feed"}
    if unknown:
        raise ConfigError(
            f"{path}: unknown keys {sorted(unknown)}; a feeds file holds [[feed]] tables"
        )
    feeds: list[FeedConfig] = []
    for index, table in enumerate(raw.get("feed", []), start=1):
        try:
            feeds.append(FeedConfig(**table))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
            )
            raise ConfigError(f"{path}: feed #{index}: {problems}") from None
    seen: set[str] = set()
    for feed in feeds:
        if feed.url in seen:
            raise ConfigError(f"{path}: feed url listed twice: {feed.url}")
        seen.add(feed.url)
    return [f for f in feeds if f.enabled]
