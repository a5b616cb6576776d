"""The statements app's models, one page type per module.

The helpers the section page needs (`queries`, `listing`) import the page modules they use, never this
package (it imports `index`, which imports them at its top), so the modules load without a cycle:
base; statement, pledge, op_ed and coverage; queries; listing; index.
"""

from .base import KIND_LABELS, KINDS, StatementAttachment, StatementBasePage
from .coverage import NewsCoveragePage, RepostPage
from .history import WithdrawnVersion
from .index import StatementIndexPage
from .op_ed import OpEdAuthor, OpEdPage, OpEdVersion
from .pledge import PledgeCommitment, PledgePage
from .statement import StatementPage, StatementSignatory

__all__ = [
    "KINDS",
    "KIND_LABELS",
    "NewsCoveragePage",
    "OpEdAuthor",
    "OpEdPage",
    "OpEdVersion",
    "PledgeCommitment",
    "PledgePage",
    "RepostPage",
    "StatementAttachment",
    "StatementBasePage",
    "StatementIndexPage",
    "StatementPage",
    "StatementSignatory",
    "WithdrawnVersion",
]
