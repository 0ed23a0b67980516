"""``python -m vn_skt`` runs the ``vn-skt`` command."""

from vn_skt.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
