"""Editor panels shared by every translated page.

`TranslationStatusPanel` shows, at the top of the editor, each language's state on the translation desk
("ES up to date · PT stale since 4 Jul 2023 · FR missing") and which languages the pending draft changes.
What it shows comes from the function registered under the `wimn_translation_status_panel` hook
(wimn_site.desk_admin), so the models that list the panel need not import the desk.
"""

from wagtail import hooks
from wagtail.admin.panels import Panel

STATUS_PANEL_HOOK = "wimn_translation_status_panel"


class TranslationStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "wimn_site/admin/translation_status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            for build in hooks.get_hooks(STATUS_PANEL_HOOK):
                context.update(build(self.instance, self.request))
            return context
