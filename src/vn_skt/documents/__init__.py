"""Văn bản — document references and document types.

- References (số, ký hiệu văn bản) in the forms of Decree 30/2020/NĐ-CP:
  :class:`DocumentRef` (``parse`` / ``str`` / ``symbol``) and
  :func:`find_document_refs`, which finds every reference in running text.
- Types (loại văn bản): :func:`document_kind`, the full name a symbol's type
  abbreviation stands for, read in the ``document_types`` regulation table as it stood
  on the reference's own date.

Documents speak Vietnamese through :mod:`vn_skt.l10n` and read their rules from
:mod:`vn_skt.regulations`; the domain packages use them. Every name lives in a private
module (``_references``, ``_types``); this package's ``__all__`` is the one list of what
other code may import.

>>> from vn_skt.documents import DocumentRef, document_kind
>>> ref = DocumentRef.parse("Quyết định số 88/QĐ-UBND ngày 09/01/2025")
>>> ref.symbol, document_kind(ref.code, on=ref.issued_on)
('88/QĐ-UBND', 'Quyết định')
"""

from __future__ import annotations

from ._references import DocumentRef, find_document_refs
from ._types import document_kind

__all__ = ["DocumentRef", "document_kind", "find_document_refs"]
