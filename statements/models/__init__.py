from .base import KIND_LABELS, KINDS, StatementAttachment, StatementBasePage
from .index import StatementIndexPage
from .op_ed import OpEdAuthor, OpEdPage, OpEdVersion
from .pledge import PledgeCommitment, PledgePage
from .statement import StatementPage, StatementSignatory

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "OpEdAuthor",
    "OpEdPage",
    "OpEdVersion",
    "PledgeCommitment",
    "PledgePage",
    "StatementAttachment",
    "StatementBasePage",
    "StatementIndexPage",
    "StatementPage",
    "StatementSignatory",
]
