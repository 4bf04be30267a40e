"""Names dealwatch knows (config/watchlist.toml), used to make names canonical.

Detection never depends on the watchlist: it maps aliases ("Alphabet",
"Scale", "Character AI") to one canonical name so that deal ids agree, and names the
talent deals already known, which a story may name in passing.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

EntityKind = Literal["acquirer", "startup", "person"]
_SECTIONS: tuple[EntityKind, ...] = ("acquirer", "startup", "person")
DEAL_KINDS = frozenset({"investment_and_hire", "licence_and_hire", "acquihire", "talent_deal"})
# Analysis looks the same few names up again and again; this many answers are remembered.
LOOKUP_MEMO = 20_000


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    # A person who heads a listed company (its chief executive or founder), in whose name the
    # news tells that company's deals ("Zuckerberg paid $14.3 billion for 49% of Scale AI").
    leads: str = ""
    # The city a listed acquirer's home is, by which the news names it ("the Mountain View giant",
    # "il colosso di Cupertino"); one city names one listed acquirer.
    home: str = ""

    def names(self) -> tuple[str, ...]:
        return (self.name, *(a for a in self.aliases if a != self.name))


@dataclass(frozen=True, slots=True)
class KnownDeal:
    """A talent deal the team already knows: a story that names both parties in passing
    ("he joined Amazon after its deal for Adept") mentions it, whatever word it uses for it."""

    acquirer: str
    target: str
    kind: str
    # The people the deal moved to the acquirer (listed persons): one of them joining the
    # acquirer, wherever the text says they came from, tells this deal.
    people: tuple[str, ...] = ()


def _fold(name: str) -> str:
    """The key a name is looked up by: case, apostrophes, spaces and hyphens aside ("ScaleAI" and
    "Scale-AI" are Scale AI)."""
    return "".join(name.replace("\u2019", "'").replace("-", " ").split()).casefold()


@dataclass(frozen=True, slots=True)
class Watchlist:
    acquirers: tuple[Entity, ...] = ()
    startups: tuple[Entity, ...] = ()
    people: tuple[Entity, ...] = ()
    deals: tuple[KnownDeal, ...] = ()
    _index: dict[str, Entity] = field(default_factory=dict, compare=False, repr=False)
    _all_names: tuple[tuple[str, Entity], ...] = field(default=(), compare=False, repr=False)
    _hash: int = field(default=0, compare=False, repr=False)
    _looked_up: dict[str, Entity | None] = field(default_factory=dict, compare=False, repr=False)
    _by_home: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, Entity] = {}
        for entity in (*self.acquirers, *self.startups, *self.people):
            for name in entity.names():
                index.setdefault(_fold(name), entity)
        object.__setattr__(self, "_index", index)
        pairs = [(n, e) for e in self.entities() for n in e.names()]
        object.__setattr__(self, "_all_names", tuple(sorted(pairs, key=lambda p: -len(p[0]))))
        object.__setattr__(
            self, "_hash", hash((self.acquirers, self.startups, self.people, self.deals))
        )
        by_city: dict[str, list[str]] = {}
        for entity in self.acquirers:
            if entity.home:
                by_city.setdefault(entity.home, []).append(entity.name)
        object.__setattr__(
            self, "_by_home", {city: n[0] for city, n in by_city.items() if len(n) == 1}
        )

    def __hash__(self) -> int:  # memoised: the watchlist keys per-sentence caches
        return self._hash

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled, a watchlist is its four lists; unpickled, it is the process's own equal
        watchlist where the process has one (``_as_held``)."""
        return (_as_held, (self.acquirers, self.startups, self.people, self.deals))

    def entities(self) -> tuple[Entity, ...]:
        return (*self.acquirers, *self.startups, *self.people)

    def lookup(self, name: str) -> Entity | None:
        try:
            return self._looked_up[name]
        except KeyError:
            entity = self._index.get(_fold(name))
            if len(self._looked_up) >= LOOKUP_MEMO:
                self._looked_up.clear()
            self._looked_up[name] = entity
            return entity

    def forget_lookups(self) -> None:
        """Drop remembered lookups (benchmarks time analysis cold)."""
        self._looked_up.clear()

    def acquirers_by_home(self) -> dict[str, str]:
        """Each city that is one listed acquirer's home, with that acquirer's name (a city two
        of them share names neither); read once, when the watchlist is made."""
        return self._by_home

    def homes_of(self, person: str) -> dict[str, str]:
        """For a person a known deal moved: each such deal's acquirer and the startup it
        brought them from ("Mustafa Suleyman": Microsoft, from Inflection AI)."""
        return {d.acquirer: d.target for d in self.deals if person in d.people}

    def canonical(self, name: str) -> str:
        """The listed canonical name for ``name``, or ``name`` itself when unlisted."""
        entity = self.lookup(name)
        return entity.name if entity else name

    def all_names(self) -> tuple[tuple[str, Entity], ...]:
        """Every (name or alias, entity), longest first, for matching in text."""
        return self._all_names


EMPTY_WATCHLIST = Watchlist()

# The watchlist this process unpickled last, by its hash (``_as_held``): one, so that a
# long-running process whose watchlist is edited between runs keeps no old ones.
_HELD: dict[int, Watchlist] = {}


def _as_held(
    acquirers: tuple[Entity, ...],
    startups: tuple[Entity, ...],
    people: tuple[Entity, ...],
    deals: tuple[KnownDeal, ...],
) -> Watchlist:
    """The watchlist of these lists: the one this process already holds when it holds an equal
    one. A worker process receives a pickled copy with every batch, and the analysis keeps what
    it reads from a watchlist by the object (``functools.cache``, the memo of looked-up names):
    a new copy every few articles started those caches cold and made each cached read compare
    the whole list. Measured on the benchmark's pages, a copy per five articles made the
    analysis a sixth slower (8.8 against 7.5 ms an article)."""
    lists = (acquirers, startups, people, deals)
    key = hash(lists)  # as ``Watchlist._hash``
    held = _HELD.get(key)
    if held is not None and (held.acquirers, held.startups, held.people, held.deals) == lists:
        return held  # (its index not built again either)
    _HELD.clear()
    _HELD[key] = fresh = Watchlist(*lists)
    return fresh


def _tables(raw: object, kind: str, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each table of the array ``[[kind]]``, numbered from 1; none when the file has none."""
    if raw is None:
        return
    if not isinstance(raw, list):
        raise ValueError(f"{path}: [[{kind}]] must be an array of tables")
    for number, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            raise ValueError(f"{path}: {kind} #{number} is not a table")
        yield number, item


def _entities(raw: object, kind: EntityKind, path: Path) -> tuple[Entity, ...]:
    out = []
    for number, item in _tables(raw, kind, path):
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{path}: {kind} #{number} has no name")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(
            isinstance(a, str) and a.strip() for a in aliases
        ):
            raise ValueError(
                f"{path}: {kind} {name!r}: aliases must be a list of non-empty strings"
            )
        own_keys = {"person": ("leads",), "acquirer": ("home",)}.get(kind, ())
        unknown = set(item) - {"name", "aliases", "note", *own_keys}
        if unknown:
            raise ValueError(f"{path}: {kind} {name!r}: unknown keys {sorted(unknown)}")
        leads, home = item.get("leads", ""), item.get("home", "")
        if not isinstance(leads, str):
            raise ValueError(f"{path}: {kind} {name!r}: leads must be a listed company's name")
        if not isinstance(home, str):
            raise ValueError(f"{path}: {kind} {name!r}: home must be a city's name")
        out.append(
            Entity(
                name.strip(), kind, tuple(a.strip() for a in aliases), leads.strip(), home.strip()
            )
        )
    return tuple(out)


def _led_companies(
    people: tuple[Entity, ...], path: Path, index: dict[str, Entity]
) -> tuple[Entity, ...]:
    """The people with the canonical name of the company each leads; a company not listed above
    is the user's mistake."""
    out = []
    for person in people:
        if person.leads:
            company = index.get(_fold(person.leads))
            if company is None or company.kind == "person":
                raise ValueError(
                    f"{path}: person {person.name!r}: leads {person.leads!r}, no acquirer or startup listed above"
                )
            person = replace(person, leads=company.name)
        out.append(person)
    return tuple(out)


def _known_deals(raw: object, path: Path, entities: dict[str, Entity]) -> tuple[KnownDeal, ...]:
    out = []
    for number, item in _tables(raw, "deal", path):
        unknown = set(item) - {"acquirer", "target", "kind", "people", "note"}
        if unknown:
            raise ValueError(f"{path}: deal #{number}: unknown keys {sorted(unknown)}")
        parties = []
        for key in ("acquirer", "target"):
            entity = entities.get(_fold(str(item.get(key, ""))))
            if entity is None or entity.kind == "person":
                raise ValueError(
                    f"{path}: deal #{number}: {key} {item.get(key)!r} is no acquirer or startup listed above"
                )
            parties.append(entity.name)
        kind = item.get("kind", "talent_deal")
        if kind not in DEAL_KINDS:
            raise ValueError(
                f"{path}: deal #{number}: kind {kind!r} is not one of {sorted(DEAL_KINDS)}"
            )
        people = item.get("people", [])
        if not isinstance(people, list):
            raise ValueError(f"{path}: deal #{number}: people must be a list of listed persons")
        moved = []
        for person in people:
            entity = entities.get(_fold(str(person)))
            if entity is None or entity.kind != "person":
                raise ValueError(f"{path}: deal #{number}: {person!r} is no person listed above")
            moved.append(entity.name)
        out.append(KnownDeal(parties[0], parties[1], kind, tuple(moved)))
    return tuple(out)


def load_watchlist(path: Path) -> Watchlist:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read watchlist {path}: {exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"watchlist {path} is not valid TOML: {exc}") from exc
    unknown = set(data) - {*_SECTIONS, "deal"}
    if unknown:
        raise ValueError(
            f"{path}: unknown sections {sorted(unknown)} (expected acquirer, startup, person, deal)"
        )
    listed = Watchlist(
        acquirers=_entities(data.get("acquirer"), "acquirer", path),
        startups=_entities(data.get("startup"), "startup", path),
        people=_entities(data.get("person"), "person", path),
    )
    return Watchlist(
        acquirers=listed.acquirers,
        startups=listed.startups,
        people=_led_companies(listed.people, path, listed._index),
        deals=_known_deals(data.get("deal"), path, listed._index),
    )
