"""manage.py import_statement: plain text, Markdown and .docx become draft statements with their structure."""

import io

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from django.core.management import CommandError, call_command

from statements.factories import StatementPageFactory
from statements.importer import text_to_html
from statements.models import StatementPage

pytestmark = pytest.mark.django_db

TEXT = """Statement on the Review Forum

The Women in Migration Network welcomes the road map. We commit to being part of the process.

As we embark on the process we urge that:
- Gender and race be central to all
  23 objectives of the review.
- Regularization of migrants be at the top of the agenda.

Priority concerns
1. A separate paragraph on migrant women.
2. A reference to freedom of association.

Read the manifesto at https://example.org/manifesto or write to info@example.org.
"""

MARKDOWN = """# Comment on Revision 3

WIMN identifies **four priority concerns** and proposes *language* for each.

## The concerns

1. A paragraph on migrant women.
2. Women and children named separately.

- See [the draft](https://example.org/rev3).
- Contact [us](mailto:info@example.org).

<script>alert("x")</script>

> International human rights are not up for negotiation.
"""


def run(path, *args):
    out = io.StringIO()
    call_command("import_statement", str(path), *args, stdout=out)
    return out.getvalue()


def body_html(page, language="en"):
    parts = []
    for block in getattr(page, f"body_{language}"):
        if block.block_type == "heading":
            parts.append(f"<{block.value['level']}>{block.value['text']}</{block.value['level']}>")
        else:
            parts.append(block.value.source)
    return "".join(parts)


def test_plain_text_becomes_a_draft_with_paragraphs_headings_lists_and_links(index, tmp_path):
    source = tmp_path / "statement.txt"
    source.write_text(TEXT, encoding="utf-8")
    output = run(source, "--date", "2021-10-19")
    page = StatementPage.objects.get()
    assert "Draft saved" in output and f"/admin/pages/{page.pk}/edit/" in output
    assert not page.live and page.has_unpublished_changes
    assert page.title == "Statement on the Review Forum"
    assert str(page.date) == "2021-10-19"
    assert page.summary_en.startswith("The Women in Migration Network welcomes the road map.")
    html = body_html(page)
    assert (
        "<p>The Women in Migration Network welcomes the road map. We commit to being part of the process.</p>" in html
    )
    assert "<ul><li>Gender and race be central to all 23 objectives of the review.</li>" in html
    assert "<h2>Priority concerns</h2>" in html
    assert (
        "<ol><li>A separate paragraph on migrant women.</li><li>A reference to freedom of association.</li></ol>"
        in (html)
    )
    assert '<a href="https://example.org/manifesto">https://example.org/manifesto</a>' in html
    assert '<a href="mailto:info@example.org">info@example.org</a>' in html
    assert page.get_latest_revision() is not None


def test_markdown_keeps_structure_and_drops_unsafe_html(index, tmp_path):
    source = tmp_path / "comment.md"
    source.write_text(MARKDOWN, encoding="utf-8")
    run(source, "--kind", "comment")
    page = StatementPage.objects.get()
    assert (page.title, page.kind) == ("Comment on Revision 3", "comment")
    html = body_html(page)
    assert "<b>four priority concerns</b>" in html and "<i>language</i>" in html
    assert "<h2>The concerns</h2>" in html
    assert "<ol><li>A paragraph on migrant women.</li><li>Women and children named separately.</li></ol>" in html
    assert '<a href="https://example.org/rev3">the draft</a>' in html
    assert '<a href="mailto:info@example.org">us</a>' in html
    assert "<blockquote>International human rights are not up for negotiation.</blockquote>" in html
    assert "script" not in html and "alert" not in html


def add_hyperlink(paragraph, url, text):
    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run_ = OxmlElement("w:r")
    text_ = OxmlElement("w:t")
    text_.text = text
    run_.append(text_)
    link.append(run_)
    paragraph._p.append(link)


def make_docx(path):
    document = docx.Document()
    document.add_heading("Statement for International Women's Day", level=0)
    intro = document.add_paragraph("On International Women's Day, WIMN ")
    intro.add_run("salutes").bold = True
    intro.add_run(" the power of women. Read the ")
    add_hyperlink(intro, "https://example.org/iwd", "full statement")
    intro.add_run(".")
    document.add_heading("Our calls", level=1)
    document.add_paragraph("Labour rights for all.", style="List Bullet")
    document.add_paragraph("Vaccines for all.", style="List Bullet")
    document.add_heading("Next steps", level=2)
    document.add_paragraph("Prepare for the IMRF.", style="List Number")
    document.add_paragraph("Join the caucus.", style="List Number")
    document.save(path)


def test_docx_keeps_title_headings_lists_bold_and_links(index, tmp_path):
    source = tmp_path / "iwd.docx"
    make_docx(source)
    run(source)
    page = StatementPage.objects.get()
    assert page.title == "Statement for International Women's Day"
    html = body_html(page)
    assert "<b>salutes</b>" in html
    assert '<a href="https://example.org/iwd">full statement</a>' in html
    assert "<h2>Our calls</h2>" in html and "<h3>Next steps</h3>" in html
    assert "<ul><li>Labour rights for all.</li><li>Vaccines for all.</li></ul>" in html
    assert "<ol><li>Prepare for the IMRF.</li><li>Join the caucus.</li></ol>" in html


def test_spanish_file_becomes_the_spanish_text_of_an_existing_page(index, tmp_path):
    page = StatementPageFactory(parent=index, slug="roadmap", title="Roadmap")
    page.save_revision().publish()
    source = tmp_path / "hoja-de-ruta.md"
    source.write_text("# Hoja de ruta\n\nLa red celebra la hoja de ruta.\n", encoding="utf-8")
    run(source, "--translation-of", "roadmap", "--language", "es")
    page.refresh_from_db()
    assert page.title_es in ("", None)  # the live page is unchanged: the translation is a draft
    draft = page.get_latest_revision_as_object()
    assert draft.title_es == "Hoja de ruta"
    assert "La red celebra la hoja de ruta." in body_html(draft, "es")
    assert page.has_unpublished_changes


def test_slug_is_unique_in_the_section(index, tmp_path):
    StatementPageFactory(parent=index, slug="statement-on-the-review-forum")
    source = tmp_path / "statement.txt"
    source.write_text(TEXT, encoding="utf-8")
    run(source)
    assert StatementPage.objects.filter(slug="statement-on-the-review-forum-2").exists()


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("statement.pdf", b"%PDF-1.4", "Unsupported file type"),
        ("statement.docx", b"not a zip file", "not a readable .docx"),
        ("empty.txt", b"   \n\n", "no text"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(index, tmp_path, name, content, message):
    source = tmp_path / name
    source.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run(source)
    assert not StatementPage.objects.exists()


def test_missing_file_is_refused(index, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run(tmp_path / "nothing.md")


def test_without_a_statements_section_nothing_is_created(home, tmp_path):
    source = tmp_path / "statement.txt"
    source.write_text(TEXT, encoding="utf-8")
    with pytest.raises(CommandError, match="no statements section"):
        run(source)


def test_wrapped_pdf_text_is_joined_and_bullets_continue():
    """Text copied from a PDF: lines wrap mid-sentence and bullet items run over several lines."""
    html = text_to_html(
        "WIMN pledges to:\n● Center the voices and experiences of migrant women in policy deliberations at the\n"
        "regional and global levels.\n● Work with the Gender & Migration Hub.\n"
    )
    assert html == (
        "<p>WIMN pledges to:</p><ul><li>Center the voices and experiences of migrant women in policy deliberations "
        "at the regional and global levels.</li><li>Work with the Gender &amp; Migration Hub.</li></ul>"
    ).replace("</p><ul>", "</p>\n<ul>")
