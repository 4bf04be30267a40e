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

The environment is read here rather than by pydantic-settings (issue 16 weighed
it): it cannot warn on a DEALWATCH_* name no setting has, it reads a list only
as JSON (``DEALWATCH_NOTIFY`` is space-separated URLs), and its errors name the
field rather than the variable the user set.
"""

from __future__ import annotations

import difflib
import ipaddress
import json
import os
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

from warehouse.db import Target
from warehouse.lake import Lake, check_catalog, is_lake_path

ENV_PREFIX = "DEALWATCH_"
DEFAULT_CONFIG_DIR = Path("config")
SETTINGS_FILE = "dealwatch.toml"
ALERT_KINDS = ("new_deal", "new_figure", "contradiction", "feed_failing", "feed_recovered")


class ConfigError(ValueError):
    """The configuration cannot be used as written; the message says where and why."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WarehouseSettings(_Section):
    # A DuckDB file, or a DuckLake: "ducklake:postgres:dbname=... host=..." (README: the two modes).
    path: Path | str = Path("data/dealwatch.duckdb")
    # A DuckLake's folder for its Parquet files (needed with a ducklake: path, unused otherwise).
    data_path: Path | None = None
    # How long a run waits for readers to let go of the file before it gives up.
    write_timeout_s: float = 120.0
    export_dir: Path = Path("data/export")

    @field_validator("path", mode="before")
    @classmethod
    def _file_or_lake(cls, value: Any) -> Path | str:
        text = str(value)
        if not is_lake_path(text):
            return Path(value)
        problem = check_catalog(text)
        if problem:
            raise ValueError(problem)
        return text

    @model_validator(mode="after")
    def _lake_has_data_path(self) -> WarehouseSettings:
        if isinstance(self.path, str) and self.data_path is None:
            raise ValueError(
                "data_path: a DuckLake warehouse needs a folder for its Parquet files "
                "([warehouse] data_path or DEALWATCH_DATA_PATH)"
            )
        return self


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
    # Google News links resolved to the publisher's page (Google's decode call); off: fetched as given.
    resolve_google_news: bool = True
    # Where the decode call goes: Google News itself, or a server of your own that answers like it.
    google_news_url: str = "https://news.google.com"
    # Links decoded per run at most (each costs a request to Google); the rest wait for the next run.
    resolutions_per_run: int = Field(default=60, ge=0)
    # Pages stored from their summaries for now (host down, link unresolved) fetched again per run...
    refetch_per_run: int = Field(default=300, ge=0)
    # ...for this long after their first failure; then their summaries stay.
    refetch_for_h: float = Field(default=72.0, gt=0)
    # A host whose requests fail this many times in a row without an answer (timeouts, resets) is
    # not asked again this run; one whose name does not resolve, or that refuses, at once.
    # 0: no breaker, every page of a dead host is requested (and retried) on its own.
    host_failures_to_trip: int = Field(default=3, ge=0)

    @field_validator("google_news_url")
    @classmethod
    def _web_url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError(f"not an http(s) URL: {value!r}")
        return value

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

    @field_validator("notify")
    @classmethod
    def _notify_kinds_known(cls, value: tuple[SecretStr, ...]) -> tuple[SecretStr, ...]:
        """``kind,kind=URL`` entries name known kinds: checked here, before any run starts."""
        if value:
            from alerts.channels import channels_from_urls  # apprise's import, only when needed

            channels_from_urls([entry.get_secret_value() for entry in value])
        return value


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
    def db_path(self) -> Target:
        """The warehouse: a local DuckDB file, or a DuckLake."""
        path = self.warehouse.path
        if isinstance(path, str):
            return Lake(catalog=path, data_path=self.warehouse.data_path)
        return path

    @property
    def on_lake(self) -> bool:
        return isinstance(self.db_path, Lake)

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
# DEALWATCH_* variables that are not settings: prefect.yaml's project folder.
NOT_SETTINGS = frozenset({"DEALWATCH_HOME"})


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
            try:
                return json.loads(stripped)
            except json.JSONDecodeError as exc:
                raise ValueError(f"not a JSON list ({exc.msg})") from None
        separators = stripped.replace(",", " ") if key != "notify" else stripped
        return [part for part in separators.split() if part]
    return raw


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from exc


def _closest(name: str, known: Iterable[str], prefix: str = "") -> str:
    """`` (did you mean X?)`` for the known name nearest ``name``, or nothing.

    A ``prefix`` all names share is left out of the comparison, where it would
    make every name look alike.
    """
    stems = {k.removeprefix(prefix): k for k in known}
    match = difflib.get_close_matches(name.removeprefix(prefix), list(stems), n=1, cutoff=0.6)
    return f" (did you mean {stems[match[0]]}?)" if match else ""


def _config_folder(config_dir: Path | str | None, env: dict[str, str]) -> Path:
    """The config folder: the one given, else ``DEALWATCH_CONFIG``, else ``config/``.

    A folder that was named and does not exist is an error; the default may be
    missing (every setting then has its default).
    """
    if config_dir:
        directory, named = Path(config_dir), "config folder "
    elif from_env := env.get(ENV_PREFIX + "CONFIG"):
        directory, named = Path(from_env), f"{ENV_PREFIX}CONFIG="
    else:
        return DEFAULT_CONFIG_DIR
    if not directory.is_dir():
        what = "not a folder" if directory.exists() else "no such folder"
        raise ConfigError(f"{named}{directory}: {what}")
    return directory


def _check_file_layout(raw: dict[str, Any], file_path: Path) -> None:
    unknown_sections = sorted(set(raw) - set(SECTIONS))
    if unknown_sections:
        name = unknown_sections[0]
        raise ConfigError(
            f"{file_path}: unknown section [{name}]{_closest(name, SECTIONS)}; "
            f"known: {', '.join(SECTIONS)}"
        )
    for section, value in raw.items():
        if not isinstance(value, dict):
            raise ConfigError(f"{file_path}: {section} must be a [{section}] table")
    for section, key in ENV_ONLY:
        if key in raw.get(section, {}):
            raise ConfigError(
                f"{file_path}: [{section}] {key} carries secrets and is read from the environment "
                f"only ({ENV_PREFIX}{key.upper()}); use a channel with url_env instead"
            )


def _where(
    loc: tuple[int | str, ...], file_path: Path, from_env: dict[tuple[str, str], str]
) -> str:
    """Where a setting came from: ``DEALWATCH_TIMEOUT_S``, or ``config/dealwatch.toml: [feeds] timeout_s``."""
    if len(loc) >= 2 and (str(loc[0]), str(loc[1])) in from_env:
        return from_env[(str(loc[0]), str(loc[1]))]
    if not loc:
        return str(file_path)
    section, rest = str(loc[0]), [str(part) for part in loc[1:]]
    if section == "alerts" and rest[:1] == ["channels"] and len(rest) >= 2:
        channel = f"[[alerts.channel]] #{int(rest[1]) + 1}"
        return f"{file_path}: {' '.join([channel, *rest[2:]])}"
    return f"{file_path}: [{section}] {' '.join(rest)}".rstrip()


def _problem(error: Any, file_path: Path, from_env: dict[tuple[str, str], str]) -> str:
    loc = tuple(error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden" and loc:
        model: type[BaseModel] | None = SECTIONS.get(str(loc[0]))
        if model is not None and len(loc) > 2 and loc[1] == "channels":
            model = ChannelSettings
        known = model.model_fields if model is not None else {}
        message = f"unknown setting{_closest(str(loc[-1]), known)}"
    return f"{_where(loc, file_path, from_env)}: {message}"


def load_settings(
    config_dir: Path | str | None = None, environ: dict[str, str] | None = None
) -> Settings:
    """Read ``dealwatch.toml`` from the config folder, then apply the environment.

    Every problem is a ``ConfigError`` of one line that says where: the file and
    the setting, or the environment variable (a value from the environment is
    never repeated: it may be a secret).
    """
    env = dict(os.environ if environ is None else environ)
    directory = _config_folder(config_dir, env)
    file_path = directory / SETTINGS_FILE
    raw: dict[str, Any] = _read_toml(file_path) if file_path.exists() else {}
    _check_file_layout(raw, file_path)
    if "channel" in raw.get("alerts", {}):
        raw["alerts"]["channels"] = raw["alerts"].pop("channel")

    names = _env_name_map()
    from_env: dict[tuple[str, str], str] = {}
    for env_key, value in env.items():
        if not env_key.startswith(ENV_PREFIX) or env_key == ENV_PREFIX + "CONFIG":
            continue
        target = names.get(env_key[len(ENV_PREFIX) :])
        if target is None:
            continue
        section, key = target
        try:
            raw.setdefault(section, {})[key] = _parse_env_value(value, section, key)
        except ValueError as exc:
            raise ConfigError(f"{env_key}: {exc}") from None
        from_env[target] = env_key

    try:
        return Settings(config_dir=directory, **raw)
    except ValidationError as exc:
        problems = "; ".join(_problem(err, file_path, from_env) for err in exc.errors())
        raise ConfigError(problems) from None


def unknown_environment_names(environ: Mapping[str, str], settings: Settings) -> list[str]:
    """A warning for each ``DEALWATCH_*`` variable that is no setting, naming the closest one.

    Variables that channels name in ``url_env`` are theirs, not typos. Only names
    are shown, never values.
    """
    known = {ENV_PREFIX + name for name in _env_name_map()} | {ENV_PREFIX + "CONFIG"}
    known |= NOT_SETTINGS | {c.url_env for c in settings.alerts.channels if c.url_env}
    return [
        f"{name} is not a dealwatch setting and is ignored{_closest(name, known, ENV_PREFIX)}"
        for name in sorted(environ)
        if name.startswith(ENV_PREFIX) and name not in known
    ]


class FeedConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    url: str
    tags: tuple[str, ...] = ()
    enabled: bool = True


def _feed_problem(error: Any) -> str:
    key = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        known = ", ".join(FeedConfig.model_fields)
        return f"{key}: unknown key{_closest(key, FeedConfig.model_fields)}; known: {known}"
    return f"{key}: {error['msg']}"


def load_feeds(path: Path) -> list[FeedConfig]:
    """The ``[[feed]]`` tables of a feeds file, each with at least ``name`` and ``url``."""
    if not path.exists():
        raise ConfigError(f"feeds file not found: {path}")
    raw = _read_toml(path)
    unknown = sorted(set(raw) - {"feed"})
    if unknown:
        raise ConfigError(
            f"{path}: unknown key {unknown[0]}{_closest(unknown[0], ['feed'])}; "
            "a feeds file holds [[feed]] tables"
        )
    tables = raw.get("feed", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise ConfigError(f"{path}: feed must be [[feed]] tables")
    feeds: list[FeedConfig] = []
    for index, table in enumerate(tables, start=1):
        try:
            feeds.append(FeedConfig(**table))
        except ValidationError as exc:
            problems = "; ".join(_feed_problem(e) for e in exc.errors())
            raise ConfigError(f"{path}: [[feed]] #{index}: {problems}") from None
    seen: set[str] = set()
    for feed in feeds:
        if feed.url in seen:
            raise ConfigError(f"{path}: feed url listed twice: {feed.url}")
        seen.add(feed.url)
    return [f for f in feeds if f.enabled]


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quoted, with backslashes, quotes and controls escaped."""
    out = []
    for char in text:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def listed_feed_urls(path: Path) -> set[str]:
    """Every feed URL the file lists, enabled or not."""
    raw = _read_toml(path)
    return {t.get("url") for t in raw.get("feed", []) if isinstance(t, dict)} - {None}


def append_feed(path: Path, *, name: str, url: str, tags: tuple[str, ...] = ()) -> FeedConfig:
    """Add a ``[[feed]]`` table at the end of the feeds file, keeping what is there as written.

    The file is read back; if it no longer loads, it is put back as it was and the
    problem raised (``ConfigError``).
    """
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    if url in (listed_feed_urls(path) if path.exists() else set()):
        raise ConfigError(f"{path}: {url} is listed already")
    lines = [f"name = {toml_string(name)}", f"url = {toml_string(url)}"]
    if tags:
        lines.append("tags = [" + ", ".join(toml_string(t) for t in tags) + "]")
    block = "[[feed]]\n" + "\n".join(lines) + "\n"
    separator = (
        "" if not before or before.endswith("\n\n") else ("\n" if before.endswith("\n") else "\n\n")
    )
    path.write_text(before + separator + block, encoding="utf-8")
    try:
        feeds = load_feeds(path)
    except ConfigError:
        path.write_text(before, encoding="utf-8")
        raise
    return next(f for f in feeds if f.url == url)
