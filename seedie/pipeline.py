"""Build seedie's spaCy pipeline: the offline default from config, or a user's zh base.

``load()`` returns a plain :class:`spacy.language.Language`. The base that was used is
recorded in ``nlp.meta["seedie"]["base"]`` ("lac", "jieba", or the name/path of the base
pipeline such as "zh_core_web_sm").
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

from . import __version__
from .errors import Errors

SEEDIE_PIPES = ("seedie_quantities", "seedie_dates", "seedie_orgs", "seedie_relations")

DEFAULT_CONFIG = """
[nlp]
lang = "zh"
pipeline = ["seedie_quantities","seedie_dates","seedie_orgs","seedie_relations"]

[nlp.tokenizer]
@tokenizers = "seedie.AnalyzerTokenizer.v1"
analyzer = "lac"
threads = 0
batch_size = 32

[components]

[components.seedie_quantities]
factory = "seedie_quantities"

[components.seedie_dates]
factory = "seedie_dates"

[components.seedie_orgs]
factory = "seedie_orgs"

[components.seedie_relations]
factory = "seedie_relations"
"""


def _register() -> None:
    # Importing the modules registers the factories, the tokenizer and the KB loader
    # (the same happens through entry points when seedie is installed).
    from .analyzers import tokenizer  # noqa: F401, PLC0415
    from .dates import component as _dates  # noqa: F401, PLC0415
    from .orgs import component as _orgs  # noqa: F401, PLC0415
    from .quantities import component as _quantities  # noqa: F401, PLC0415
    from .relations import component as _relations  # noqa: F401, PLC0415


def default_config(analyzer: str = "lac") -> Config:
    """The config of the offline default pipeline (``analyzer``: "lac" or "jieba")."""
    config = Config().from_str(DEFAULT_CONFIG)
    config["nlp"]["tokenizer"]["analyzer"] = analyzer
    return config


def _zh_package_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):  # "./model" or "a.b" are paths or missing packages
        return False


def load(
    base: str | Path = "auto",
    *,
    kb: Any = None,
    config: Mapping[str, Any] | None = None,
    exclude: Iterable[str] = (),
) -> Language:
    """Load seedie's pipeline.

    Args:
        base: "auto" (zh_core_web_sm if installed, else the offline default), "default" or
            "lac" (LAC on ONNX Runtime, offline), "jieba" (jieba fallback), or the name or
            path of any installed Chinese spaCy pipeline, to which seedie's components are
            added.
        kb: extra organizations: an ``OrgKB``, a JSONL path, or a list of record dicts,
            merged into the shipped knowledge base.
        config: overrides for the seedie components' settings, e.g.
            ``{"components.seedie_orgs.home_region": "贵州"}``.
        exclude: seedie components to leave out.

    Returns:
        A ``spacy.Language``; ``nlp.meta["seedie"]["base"]`` records the base used.

    Example:
        >>> nlp = seedie.load(); nlp("比亚迪在贵州投资").spans["seedie_orgs"][0].text
        '比亚迪'
    """
    _register()
    base_name = str(base)
    if base_name == "auto":
        base_name = "zh_core_web_sm" if _zh_package_installed("zh_core_web_sm") else "default"
    overrides = dict(config or {})
    excluded = set(exclude)
    if base_name in ("default", "lac", "jieba"):
        analyzer = "jieba" if base_name == "jieba" else "lac"
        cfg = default_config(analyzer)
        cfg["nlp"]["pipeline"] = [p for p in SEEDIE_PIPES if p not in excluded]
        for p in excluded:
            cfg["components"].pop(p, None)
        for key, value in overrides.items():
            pipe, setting = _split_override(key, cfg["nlp"]["pipeline"])
            cfg["components"][pipe][setting] = value
        nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
        used = getattr(nlp.tokenizer, "analyzer_name", "unknown")
    else:
        nlp = _load_base(base_name)
        for pipe in SEEDIE_PIPES:
            if pipe in excluded or pipe in nlp.pipe_names:
                continue
            pipe_cfg = {}
            for key, value in overrides.items():
                target, setting = _split_override(key, list(SEEDIE_PIPES))
                if target == pipe:
                    pipe_cfg[setting] = value
            nlp.add_pipe(pipe, config=pipe_cfg)
        used = base_name
    if kb is not None and "seedie_orgs" in nlp.pipe_names:
        nlp.get_pipe("seedie_orgs").add_kb(kb)  # type: ignore[attr-defined]
    nlp.meta.setdefault("seedie", {}).update({"base": used, "version": __version__})
    return nlp


def _split_override(key: str, pipes: list[str]) -> tuple[str, str]:
    parts = key.split(".")
    if len(parts) != 3 or parts[0] != "components" or parts[1] not in pipes:
        raise ValueError(Errors.E008.format(key=key, pipes=pipes))
    return parts[1], parts[2]


def _load_base(name: str) -> Language:
    if not (_zh_package_installed(name) or Path(name).exists()):
        raise ValueError(Errors.E002.format(base=name))
    nlp = spacy.load(name)
    if nlp.lang != "zh":
        raise ValueError(Errors.E003.format(base=name, lang=nlp.lang))
    return nlp


_DEFAULT: dict[str, Language] = {}
_LOCK = threading.Lock()


def default_nlp() -> Language:
    """The lazily built, process-wide pipeline used by ``seedie.extract``."""
    nlp = _DEFAULT.get("auto")
    if nlp is None:
        with _LOCK:
            nlp = _DEFAULT.get("auto")
            if nlp is None:
                nlp = _DEFAULT["auto"] = load()
    return nlp
