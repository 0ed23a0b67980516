"""Hypothesis entry point: register vn_skt's strategies when Hypothesis is imported."""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    from vn_skt.testing.strategies import register_type_strategies

    register_type_strategies()
