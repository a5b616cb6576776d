"""Month names the site's own catalogs translate, so that makemessages keeps them.

Dates are formatted by Django with its month names. Django's Portuguese catalog capitalizes them
("20 de Maio de 2022"), against the spelling in use since the 1990 orthographic agreement; the
site's catalogs (LOCALE_PATHS, which take precedence) give them in lower case in every language.
"""

from django.utils.translation import gettext_noop

MONTH_NAMES = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
