"""The exceptions this library raises.

Every message names the offending value and says what to do about it, so the CLI
and the web app can show it to a person as-is, without a traceback.
"""

from __future__ import annotations


class RagError(Exception):
    """Base class of every error this library raises on purpose."""


class InvalidQuestionError(RagError, ValueError):
    """The question is empty, too long or otherwise unusable."""


class InvalidRequestError(RagError, ValueError):
    """A request option (mode, top_k, ...) is out of range."""


class SettingsError(RagError, ValueError):
    """A settings value or settings file is invalid."""


class CorpusError(RagError):
    """A corpus file is missing, unreadable or not UTF-8 text."""


class GoldFormatError(CorpusError):
    """A gold Q&A file is malformed: bad JSON, a missing field or a span off its context."""


class ModelLoadError(RagError):
    """The embedding model could not be found or loaded."""


class IndexStoreError(RagError):
    """Base class for problems with a persisted index."""


class StaleIndexError(IndexStoreError):
    """The index was built from another corpus, model or chunker settings."""


class CorruptIndexError(IndexStoreError):
    """The index folder is unreadable, incomplete or inconsistent."""


class ForeignFolderError(IndexStoreError):
    """The index folder holds files that are not an index: it is never replaced."""
