"""Write a deterministic, realistic content tree of French method documents for benchmarks.

    python benchmarks/gen_corpus.py --n 2000 --out /tmp/corpus --seed 1

Modelled on the seed documents: the same keys in the same order, `_outil/` (methods and
tools) and `_usage/` folders, a `_config.yml`, an `img/` and `uploads/` tree, bodies of
~2.4k characters in the seeds' three sections (some with a link or a table), YAML comments
in a third of the files. Defects are planted at realistic rates: ~4% missing and ~1%
wrong-case assets, typographic slips (straight apostrophes, double spaces, `. .`, `… )`,
`...`, trailing spaces), ~0.5% duplicate `ordre`, ~2% dangling references, and ~0.5%
broken files (unclosed front matter, YAML errors, BOM, CRLF, Latin-1, duplicate keys).
The output is generated data: never commit it.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = (
    "citoyens délibération consultation atelier panel jury débat concertation budget"
    " participatif plateforme collectif avis dispositif commanditaire garant décision"
    " territoire projet proposition synthèse restitution formation expertise"
).split()
SENTENCES = (
    "Engager un processus collectif et délibératif",
    "Obtenir du consensus sur des sujets complexes et clivants",
    "La diversité et l’indépendance stricte du comité de pilotage",
    '"La qualité du livrable : une argumentation en profondeur"',
    "Ce dispositif est long et coûteux",
    "Le nombre de citoyens concernés rend parfois difficile la communication",
)
BODY_SENTENCES = (
    "Grâce à la rédaction par les citoyens d’un avis collectif argumenté, le dispositif permet de"
    " questionner de manière crédible un groupe de citoyens aux profils diversifiés.",
    "Le recrutement peut se faire par tirage au sort (liste électorale, annuaire téléphonique…) ou en"
    " recourant à un organisme chargé de constituer un panel représentatif.",
    "La question posée aux citoyens est définie par un comité de pilotage indépendant, chargé d’établir"
    " le programme de formation.",
    "Pendant trois week-ends, les participants suivent des formations à caractère pluriel et entendent"
    " des intervenants aux points de vue différents.",
    "L’avis rendu est le fruit d’une délibération collective ; il peut, le cas échéant, faire part de"
    " recommandations précises.",
    "Le garant veille au respect de l’expression de chacun et à la prise en compte de tous les avis.",
    "Les synthèses sont publiques et consultables en ligne sur le site du commanditaire.",
    "Les citoyens reçoivent une indemnité pour les week-ends de travail ainsi qu’une prise en charge"
    " de leurs frais de transport et d’hébergement.",
    "Le commanditaire s’engage à répondre publiquement à l’avis dans un délai de trois mois.",
    "Une restitution est organisée en présence des élus, des services et des participants.",
)
SECTIONS = ("Objectif du dispositif :", "Public visé :", "Grandes lignes du  dispositif :")


def _body_typo(rng: random.Random, text: str) -> str:
    """The editors' slips, at the rates seen in the seeds."""
    roll = rng.random()
    if roll < 0.08:
        return text.replace(" ", "  ", 1)
    if roll < 0.12:
        return text.replace("’", "'")
    if roll < 0.14:
        return text.replace("…)", "… )").replace(". ", ". .", 1)
    if roll < 0.16:
        return text.replace("…", "...")
    if roll < 0.30:
        return text + " "  # trailing space
    return text


def _body(rng: random.Random) -> str:
    """~2.4k characters of French prose in the seeds' three sections, sometimes with a link or a table."""
    parts = []
    for section in SECTIONS:
        parts.append(f"**{section}**")
        for _ in range(rng.randint(1, 3)):
            sentences = rng.sample(BODY_SENTENCES, k=rng.randint(2, 4))
            parts.append("* " + _body_typo(rng, " ".join(sentences)))
        parts.append("")
    if rng.random() < 0.2:
        parts.append("Voir [le site de la démarche](https://www.exemple.gouv.fr/demarche) et `avis.pdf`.\n")
    if rng.random() < 0.1:
        parts.append("| Étape | Durée |\n|---|---|\n| Formation | 2 week-ends |\n")
    return "\n".join(parts)


def _comment(rng: random.Random, lines: list[str]) -> list[str]:
    """A third of the files carry YAML comments, on their own line or after a value."""
    if rng.random() < 0.33:
        lines = list(lines)
        lines.insert(1, "# relu par l’équipe éditoriale")
        lines[-1] += "  # à garder unique dans la catégorie"
    return lines


def _typo(rng: random.Random, text: str) -> str:
    """A typographic slip in ~10% of sentences: straight apostrophe or double space."""
    roll = rng.random()
    if roll < 0.05:
        return text.replace("’", "'")
    if roll < 0.10:
        return text.replace(" ", "  ", 1)
    return text


def _title(rng: random.Random, index: int) -> str:
    return f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} n°{index}"


def _asset(rng: random.Random, images: list[str]) -> str:
    roll = rng.random()
    name = rng.choice(images)
    if roll < 0.04:
        return "absent-" + name  # missing
    if roll < 0.05:
        return name.capitalize()  # wrong case: works on a Mac, 404 on the server
    return name


def _bullets(rng: random.Random, key: str) -> list[str]:
    return [
        f"{key}:",
        *(f"- {_typo(rng, rng.choice(SENTENCES))}" for _ in range(rng.randint(2, 5))),
    ]


def _method(rng: random.Random, index: int, ordre: int, images: list[str]) -> list[str]:
    video = rng.random() < 0.5
    return [
        f"title: {_title(rng, index)}",
        f"tagline: {_typo(rng, rng.choice(SENTENCES))}",
        "categorie: methode",
        f"img-bg: {_asset(rng, images)}",
        "contact: participationcitoyenne@modernisation.gouv.fr" if rng.random() < 0.3 else "contact:",
        "contract:",
        f"logo: {_asset(rng, images)}" if rng.random() < 0.3 else "logo:",
        "owner: DITP" if rng.random() < 0.3 else "owner:",
        "access_link:",
        f"url_video_demo: https://www.dailymotion.com/embed/video/x{index:06d}" if video else "url_video_demo:",
        'vignette_video_demo: "/uploads/2017/08/02/videoAssembl.png"',
        "date: '2017-04-04T15:57:58.478+00:00'",
        *_bullets(rng, "priorites"),
        *_bullets(rng, "qualites"),
        *_bullets(rng, "atouts"),
        *_bullets(rng, "inconvenients"),
        "layout: methode",
        "default_logo: ''",
        f"ordre: {ordre}",
    ]


def _tool(rng: random.Random, index: int, ordre: int, images: list[str]) -> list[str]:
    return [
        f"title: {_title(rng, index)}",
        f"tagline: {_typo(rng, rng.choice(SENTENCES))}",
        "categorie: outil",
        'lettre_engagement: "/uploads/Lettre-engagement.png"',
        f"img-bg: {_asset(rng, images)}",
        f"domain: https://outil-{index}.exemple.fr/",
        "contact: contact@opensourcepolitics.eu",
        "contract: Logiciel libre - AGPLv3",
        f"logo: {_asset(rng, images)}",
        "clients:\n- Collectivités\n- Administrations",
        "owner: Open Source Politics",
        f"access_link: https://deploiement.participation-citoyenne.gouv.fr/outil/{index}",
        "date: '2017-04-04T15:57:58.478+00:00'",
        "details_techniques:\n- name: Développeur\n  content: Open Source Politics",
        *_bullets(rng, "atouts"),
        *_bullets(rng, "feature_inclus"),
        *_bullets(rng, "feature_plusloin"),
        *_bullets(rng, "accompagnement_inclus"),
        *_bullets(rng, "accompagnement_plusloin"),
        "layout: outil",
        "default_logo: ''",
        f"ordre: {ordre}",
    ]


def _usage(rng: random.Random, index: int, titles: list[str], images: list[str]) -> list[str]:
    names = rng.sample(titles, k=min(2, len(titles)))
    if rng.random() < 0.02:
        names[0] = names[0].replace("n°", "n° ")  # a dangling reference
    return [
        f"title: Atelier citoyen n°{index} sur la {rng.choice(WORDS)}",
        "link:",
        "description: Mission interministérielle",
        "organisateur: Mission interministérielle",
        "outil:",
        "methodes:",
        *(f"- {name}" for name in names),
        f"screenshot: {_asset(rng, images)}",
        f"date: 2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 09:29:08 +0000",
        "in_progress: true",
        f"ordre: {index + 1}",
    ]


def _break(rng: random.Random, text: str) -> bytes:
    kind = rng.choice(["unclosed", "yaml", "bom", "crlf", "latin1", "duplicate"])
    if kind == "unclosed":
        return text.replace("\n---\n", "\n\n", 1).encode()
    if kind == "yaml":
        return text.replace("categorie:", "categorie: [methode", 1).encode()
    if kind == "bom":
        return "\ufeff".encode() + text.encode()
    if kind == "crlf":
        return text.replace("\n", "\r\n").encode()
    if kind == "latin1":
        return text.encode("latin-1", "replace")
    return text.replace("layout:", "title: Doublon\nlayout:", 1).encode()


def generate(n: int, out: Path, seed: int) -> None:
    rng = random.Random(seed)
    (out / "_outil").mkdir(parents=True, exist_ok=True)
    (out / "_usage").mkdir(exist_ok=True)
    (out / "_config.yml").write_text(
        "title: Participation\ncollections:\n  outil:\n    output: true\n", encoding="utf-8"
    )
    images = [f"{rng.choice(WORDS)}-{i}.{rng.choice(['png', 'jpg', 'svg'])}" for i in range(max(10, n // 20))]
    (out / "img").mkdir(exist_ok=True)
    for name in images:
        (out / "img" / name).write_bytes(b"")
    upload = out / "uploads/2017/08/02"
    upload.mkdir(parents=True, exist_ok=True)
    (upload / "videoAssembl.png").write_bytes(b"")
    (out / "uploads/Lettre-engagement.png").write_bytes(b"")
    methods = int(n * 0.7)
    ordres = {"methode": 0, "outil": 0}
    titles = []
    for index in range(n):
        if index < methods:
            categorie = "methode" if rng.random() < 0.8 else "outil"
            if rng.random() > 0.005:  # ~0.5% reuse the previous number: an ordre clash
                ordres[categorie] += 1
            make = _method if categorie == "methode" else _tool
            lines = make(rng, index, ordres[categorie], images)
            if categorie == "methode":
                titles.append(lines[0].removeprefix("title: "))
            path = out / "_outil" / f"fiche-{index:05d}.md"
        else:
            lines = _usage(rng, index, titles, images)
            path = out / "_usage" / f"usage-{index:05d}.md"
        text = "---\n" + "\n".join(_comment(rng, lines)) + "\n---\n\n" + _body(rng)
        data = _break(rng, text) if rng.random() < 0.005 else text.encode()
        path.write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="number of documents (100, 1000, 10000…)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
