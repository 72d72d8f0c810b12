"""The referral graph: who introduced you to whom, from each contact's ``referred_by``.

One graph serves the network page, each contact's neighbourhood and the statistics. It is built
from the Handbook alone and tolerates what the loader reports but a running ``mkdocs serve`` still
shows: unknown referrers, self-referrals and cycles. Every walk keeps a set of visited people, so
no input can make it loop, and the tree holds every person exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from ..book import Handbook


@dataclass(frozen=True)
class Node:
    """One person in the referral tree, with the people they introduced you to."""

    slug: str
    depth: int
    children: tuple["Node", ...] = ()

    def walk(self) -> Iterator["Node"]:
        """This node, then its descendants, depth first in display order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


@dataclass(frozen=True)
class Neighbourhood:
    """A contact's referrals two hops either way: the chain above them and the tree below."""

    slug: str
    up: tuple[str, ...]  # who referred them, then who referred that person (nearest first)
    down: tuple[Node, ...]  # whom they referred, each with the people those referred

    @property
    def empty(self) -> bool:
        return not self.up and not self.down


class ReferralGraph:
    def __init__(self, names: dict[str, str], referrer: dict[str, str]):
        self.names = names  # slug -> display name: every person, referred or not
        self.referrer = referrer  # slug -> slug of a known, different person
        children: dict[str, list[str]] = {}
        for slug, parent in referrer.items():
            children.setdefault(parent, []).append(slug)
        self._children = {slug: tuple(self.ordered(kids)) for slug, kids in children.items()}
        self.roots = self._find_roots()

    def sort_key(self, slug: str) -> tuple[str, str]:
        return (self.names.get(slug, slug).casefold(), slug)

    def ordered(self, slugs: Iterable[str]) -> list[str]:
        """People in the order every view lists them: by name, then slug for namesakes."""
        return sorted(slugs, key=self.sort_key)

    def referrer_of(self, slug: str) -> str | None:
        return self.referrer.get(slug)

    def referred(self, slug: str) -> tuple[str, ...]:
        return self._children.get(slug, ())

    def count(self, slug: str) -> int:
        return len(self.referred(slug))

    @property
    def has_referrals(self) -> bool:
        return bool(self.referrer)

    def _find_roots(self) -> tuple[str, ...]:
        # People nobody referred start the tree. Everyone they do not reach hangs from a cycle,
        # which has no such person: each cycle is entered at its first member by name.
        roots = [slug for slug in self.ordered(self.names) if slug not in self.referrer]
        reached = {node.slug for root in roots for node in self._subtree(root, 0, set()).walk()}
        for slug in self.ordered(self.names):
            if slug in reached:
                continue
            path: list[str] = []
            current = slug
            while current not in path:  # every unreached person has a referrer, so this ends in the loop
                path.append(current)
                current = self.referrer[current]
            entry = min(path[path.index(current):], key=self.sort_key)
            roots.append(entry)
            reached.update(node.slug for node in self._subtree(entry, 0, set()).walk())
        return tuple(roots)

    def _subtree(self, slug: str, depth: int, seen: set[str], limit: int | None = None) -> Node:
        # Iterative, so even a very long chain of introductions cannot reach Python's recursion limit.
        seen.add(slug)
        found: list[tuple[str, int, list[str]]] = []
        stack = [(slug, depth)]
        while stack:
            current, level = stack.pop()
            kids = [] if limit is not None and level - depth >= limit else \
                [k for k in self.referred(current) if k not in seen]
            seen.update(kids)
            found.append((current, level, kids))
            stack.extend((k, level + 1) for k in kids)
        nodes: dict[str, Node] = {}
        for current, level, kids in reversed(found):  # children were found after their parent
            nodes[current] = Node(current, level, tuple(nodes[k] for k in kids))
        return nodes[slug]

    def tree(self) -> tuple[Node, ...]:
        """The whole forest: every person once, under whoever referred them."""
        seen: set[str] = set()
        return tuple(self._subtree(root, 0, seen) for root in self.roots if root not in seen)

    def in_order(self) -> list[Node]:
        """The forest flattened depth first: what an indented list shows, top to bottom."""
        return [node for root in self.tree() for node in root.walk()]

    def depths(self) -> dict[str, int]:
        """How many introductions away from a root each person is (roots are 0)."""
        return {node.slug: node.depth for root in self.tree() for node in root.walk()}

    def chain_up(self, slug: str, hops: int = 2) -> tuple[str, ...]:
        chain: list[str] = []
        current = slug
        while len(chain) < hops:
            parent = self.referrer_of(current)
            if parent is None or parent == slug or parent in chain:
                break
            chain.append(parent)
            current = parent
        return tuple(chain)

    def neighbourhood(self, slug: str, hops: int = 2) -> Neighbourhood:
        up = self.chain_up(slug, hops)
        # People already shown above are left out below, so a cycle never shows someone twice.
        seen = {slug, *up}
        below = self._subtree(slug, 0, seen, limit=hops)
        return Neighbourhood(slug, up, below.children)

    def top_referrers(self, limit: int | None = None) -> list[tuple[str, int]]:
        """People who introduced you to the most others; ties by name. Nobody with zero."""
        counts = [(slug, len(kids)) for slug, kids in self._children.items()]
        ranked = sorted(counts, key=lambda pair: (-pair[1], *self.sort_key(pair[0])))
        return ranked[:limit] if limit is not None else ranked


# The last graph made, with what it was made from: a build asks for it from several views, and
# each rebuild of `mkdocs serve` after an edit that moved nobody asks for the same one again.
_last: tuple[dict, dict, ReferralGraph] | None = None


def referral_graph(handbook: Handbook) -> ReferralGraph:
    global _last
    names = {slug: contact.name for slug, contact in handbook.contacts.items()}
    referrer = {slug: contact.referred_by for slug, contact in handbook.contacts.items()
                if contact.referred_by in names and contact.referred_by != slug}
    if _last is not None and _last[0] == names and _last[1] == referrer:
        return _last[2]  # a graph is never changed once made
    graph = ReferralGraph(names, referrer)
    _last = (names, referrer, graph)
    return graph
