"""Scenario families for the stakeholder curve: the same deal with 1..6 buying-center members.

    sizes = family(industry="machinery", profile="balanced", seed=0)   # {1: Scenario, ..., 6: Scenario}

Within a family everything but the group is identical: the same stages and
action points (the selling budget), the same vendor, the same rival, the
same events (none).  Member n of the group is the same person in every
family member that has at least n members, so the n-member deal is the
(n-1)-member deal plus one stakeholder.  ``industry`` picks which roles sit
in the group and what they care about (DOMAIN.md's benefit x member matrix),
``profile`` the shape of the vendor and rival, ``seed`` the details (drawn
with numpy from ``SeedSequence([seed, ...])``), so other families can be
generated for checks on unseen scenarios.
"""
from __future__ import annotations

import zlib

import numpy as np

from game.scenario.loader import scenario_from_data
from game.scenario.model import Scenario

BENEFITS = ("cost_saving", "affordable_price", "advanced_technology", "nearby_liaison_office", "nearby_factory",
            "best_quality_control", "digital_ordering_delivery", "custom_manufacturing_delivery",
            "exact_delivery_date", "support_24_7")

#: per industry: the six stakeholders in the order they join (title, roles, influence, benefits they lean to)
INDUSTRIES: dict[str, tuple[tuple[str, tuple[str, ...], float, tuple[str, ...]], ...]] = {
    "machinery": (
        ("Chief Executive Officer", ("decider",), 0.9, ("cost_saving", "best_quality_control")),
        ("Purchasing Manager", ("buyer",), 0.55, ("affordable_price", "cost_saving", "exact_delivery_date")),
        ("Chief Technology Officer", ("influencer",), 0.7, ("advanced_technology", "best_quality_control")),
        ("Plant Manager", ("user",), 0.5, ("support_24_7", "nearby_factory", "exact_delivery_date")),
        ("Head of Quality", ("influencer", "user"), 0.5, ("best_quality_control", "custom_manufacturing_delivery")),
        ("Supply Chain Head", ("initiator", "user"), 0.45, ("exact_delivery_date", "digital_ordering_delivery",
                                                            "nearby_liaison_office")),
    ),
    "software": (
        ("Chief Financial Officer", ("decider",), 0.9, ("cost_saving", "affordable_price")),
        ("Chief Information Officer", ("decider", "influencer"), 0.75, ("digital_ordering_delivery",
                                                                        "advanced_technology")),
        ("IT Manager", ("user",), 0.5, ("support_24_7", "digital_ordering_delivery")),
        ("Procurement Lead", ("buyer",), 0.5, ("affordable_price", "exact_delivery_date")),
        ("Security Architect", ("influencer",), 0.55, ("best_quality_control", "nearby_factory")),
        ("Operations Analyst", ("initiator", "user"), 0.4, ("custom_manufacturing_delivery", "support_24_7")),
    ),
    "logistics": (
        ("Chief Operating Officer", ("decider",), 0.9, ("exact_delivery_date", "cost_saving")),
        ("SCM Head", ("influencer", "user"), 0.65, ("digital_ordering_delivery", "nearby_factory")),
        ("Purchasing Lead", ("buyer",), 0.5, ("affordable_price", "cost_saving")),
        ("Warehouse Manager", ("user",), 0.45, ("support_24_7", "nearby_liaison_office")),
        ("Finance Controller", ("influencer",), 0.5, ("cost_saving", "affordable_price")),
        ("Dispatcher", ("initiator", "user"), 0.35, ("exact_delivery_date", "support_24_7")),
    ),
}
#: vendor / rival shapes: (vendor capability range, rival style, rival capability range)
PROFILES: dict[str, tuple[tuple[float, float], str, tuple[float, float]]] = {
    "balanced": ((0.45, 0.9), "balanced", (0.4, 0.8)),
    "premium": ((0.55, 0.95), "price", (0.3, 0.75)),
    "challenger": ((0.4, 0.85), "technology", (0.45, 0.9)),
}


def _rng(seed: int, *keys: str) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([int(seed)] + [zlib.crc32(k.encode()) for k in keys]))


def family_data(n: int, industry: str = "machinery", profile: str = "balanced", seed: int = 0) -> dict:
    """The scenario dict of the ``n``-member deal of a family (1 <= n <= 6)."""
    if not 1 <= n <= 6:
        raise ValueError("a family has 1 to 6 members")
    people = INDUSTRIES[industry]
    (vlo, vhi), style, (rlo, rhi) = PROFILES[profile]
    members = []
    for i, (title, roles, infl, lean) in enumerate(people[:n]):
        r = _rng(seed, industry, "member", str(i))
        others = [b for b in BENEFITS if b not in lean]
        extra = [others[j] for j in r.permutation(len(others))[:2]]
        order = list(lean) + extra
        weights = np.sort(r.integers(1, 6, len(order)))[::-1]
        weights[0] = 5
        prio = {b: int(w) for b, w in zip(order, weights)}
        members.append({"id": f"m{i + 1}", "name": f"Member {i + 1}", "title": title, "roles": list(roles),
                        "influence": round(float(np.clip(infl + r.normal(0, 0.04), 0.1, 1.0)), 2),
                        "priorities": prio, "stance": round(float(r.uniform(-0.05, 0.15)), 2)})
    rv = _rng(seed, industry, profile, "vendor")
    cap = {b: round(float(rv.uniform(vlo, vhi)), 2) for b in BENEFITS}
    rr = _rng(seed, industry, profile, "rival")
    rcap = {b: round(float(rr.uniform(rlo, rhi)), 2) for b in BENEFITS}
    return {
        "format": 1, "id": f"family-{industry}-{profile}-{seed}-{n}",
        "title": f"{industry.title()} deal with {n} stakeholder{'s' if n > 1 else ''}",
        "difficulty": "normal",
        "customer": {"name": f"{industry.title()} Customer", "industry": industry},
        "deal": {"value": 500000, "currency": "USD"},
        "members": members,
        "vendor": {"name": "Our Company", "capabilities": cap},
        "competitors": [{"id": "rival", "name": "Rival Corp", "style": style, "capabilities": rcap}],
    }


def family(industry: str = "machinery", profile: str = "balanced", seed: int = 0) -> dict[int, Scenario]:
    """{n: Scenario} for n = 1..6 members, otherwise alike."""
    return {n: scenario_from_data(family_data(n, industry, profile, seed), f"<family {industry}/{profile}/{seed}>")
            for n in range(1, 7)}


def family_from_file(path) -> dict[int, Scenario]:
    """{n: Scenario} for n = 1..len(members) from one hand-written YAML whose members are listed in joining order.

    The n-member deal keeps the file's first n members and everything else
    (stages, vendor, rivals, events); a rival's starting stance toward a member
    who is not there is dropped.  Members must not be gated by a later member.
    """
    from pathlib import Path

    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    out = {}
    for n in range(1, len(data["members"]) + 1):
        d = dict(data, id=f"{data['id']}-{n}", members=data["members"][:n])
        keep = {m["id"] for m in d["members"]}
        d["competitors"] = [dict(c, stance={k: v for k, v in (c.get("stance") or {}).items() if k in keep})
                            for c in data.get("competitors", [])]
        out[n] = scenario_from_data(d, f"{path} (first {n} members)")
    return out
