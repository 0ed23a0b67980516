"""Kiểm thử — public Hypothesis strategies for vn_skt's values and records.

Install the ``testing`` extra (``pip install "vn-skt[testing]"``). The strategies are
registered with Hypothesis through its ``hypothesis`` entry point, so
``st.from_type(Version)`` (and every other vn_skt type) just works in your tests; the
functions in :mod:`vn_skt.testing.strategies` give finer control.
"""
