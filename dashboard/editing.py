"""Who may change the shared corpus: the editing model of a dashboard that strangers use through a link.

- ``DED_EDITING=open``: anyone with the page may add articles (``make run`` sets it: one analyst, one machine).
- an editor key (``DED_EDITOR_KEY``, or ``editor_key`` in Streamlit's secrets): a visitor adds articles after
  typing it once per session.
- neither: adding articles is off, and the corpus changes only by the operator's hand (files in seeds/).

Off is the default, so a deployment that sets nothing cannot be rewritten by its visitors.
"""

from __future__ import annotations

import hmac
import os

import streamlit as st

_UNLOCKED = "_ded_editor"  # session state: this session typed the editor key


def editor_key() -> str:
    """The key the operator set, or "" when none is set."""
    key = os.environ.get("DED_EDITOR_KEY", "")
    if key:
        return key
    try:
        return str(st.secrets.get("editor_key", ""))
    except Exception:  # no secrets file: Streamlit raises rather than return nothing
        return ""


def mode() -> str:
    """'open', 'key' (adding needs the editor key) or 'off'."""
    if os.environ.get("DED_EDITING", "").strip().lower() == "open":
        return "open"
    return "key" if editor_key() else "off"


def can_edit() -> bool:
    """Whether this session may add articles to the shared corpus."""
    m = mode()
    return m == "open" or (m == "key" and bool(st.session_state.get(_UNLOCKED)))


def unlock(typed: str) -> bool:
    """Check ``typed`` against the editor key (in constant time); remember a match for this session."""
    key = editor_key()
    ok = bool(key) and hmac.compare_digest(typed.encode("utf-8"), key.encode("utf-8"))
    if ok:
        st.session_state[_UNLOCKED] = True
    return ok
