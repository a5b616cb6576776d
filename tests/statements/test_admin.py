"""Staff create, preview and publish each page type through the real admin forms (Django test client)."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from statements.factories import PledgeCommitmentFactory, PledgePageFactory, StatementPageFactory
from statements.models import OpEdPage, PledgePage, StatementPage
from tests.statements.admin_helpers import add_url, body, form_data, inline
from wimn_site.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def statement_form(client, index, topics, **extra):
    document = DocumentFactory(title="Statement PDF", language="en")
    DocumentFactory(title="Declaración PDF", language="es", original=document)
    data = form_data(
        client,
        add_url("statementpage", index),
        title_en="Statement on the Progress Declaration",
        title_es="Declaración sobre la Declaración de Progreso",
        slug="progress-declaration",
        kind="joint_statement",
        date="2022-05-20",
        summary_en="Human rights are not up for negotiation.",
        summary_es="Los derechos humanos no se negocian.",
        topics=[topics["imrf"].pk],
        **body(en="<p>The English text.</p>", es="<p>El texto en español.</p>"),
        **inline("signatories", [{"organization_name": "Solidarity Center", "organization": ""}]),
        **inline("attachments", [{"document": str(document.pk), "label_en": "Full statement"}]),
    )
    data.update(extra)
    return data


def test_staff_create_and_publish_a_statement(client, staff, index, topics):
    """A joint statement with its Spanish translation, a signatory, a topic and a PDF, published from the admin."""
    data = statement_form(client, index, topics)
    data["action-publish"] = "action-publish"
    response = client.post(add_url("statementpage", index), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StatementPage.objects.get(slug="progress-declaration")
    assert page.live and page.kind == "joint_statement"
    assert page.title_en == "Statement on the Progress Declaration" and page.title_es.startswith("Declaración")
    assert [s.organization_name for s in page.signatories.all()] == ["Solidarity Center"]
    assert [t.slug for t in page.topics.all()] == ["imrf"]
    html = BeautifulSoup(client.get("/es/statements/progress-declaration/").content, "html.parser")
    assert html.h1.get_text() == "Declaración sobre la Declaración de Progreso"
    assert "El texto en español." in html.select_one(".statement__body").get_text()
    assert html.select_one(".download__link")["hreflang"] == "es"


def test_staff_preview_a_statement_in_spanish(client, staff, index, topics):
    """The preview of an unsaved statement shows the Spanish text in the Spanish preview mode."""
    url = add_url("statementpage", index) + "preview/"
    response = client.post(url, statement_form(client, index, topics))
    assert json.loads(response.content)["is_valid"] is True
    preview = client.get(url, {"mode": "es"})
    html = BeautifulSoup(preview.content, "html.parser")
    assert html.html["lang"] == "es"
    assert html.h1.get_text() == "Declaración sobre la Declaración de Progreso"
    assert "Solidarity Center" in html.select_one(".signatories").get_text()
    assert html.select_one(".download__link")["hreflang"] == "es"
    assert not StatementPage.objects.filter(slug="progress-declaration").exists()


def test_statement_form_offers_only_statement_kinds(client, staff, index):
    """Pledges and op-eds are page types of their own, so the statement form refuses those kinds."""
    html = BeautifulSoup(client.get(add_url("statementpage", index)).content, "html.parser")
    kinds = [o["value"] for o in html.select("select[name=kind] option")]
    assert kinds == ["statement", "joint_statement", "comment", "media_alert"]


def test_save_draft_does_not_publish(client, staff, index, topics):
    data = statement_form(client, index, topics)
    response = client.post(add_url("statementpage", index), data)
    assert response.status_code == 302
    page = StatementPage.objects.get(slug="progress-declaration")
    assert not page.live
    assert client.get("/en/statements/progress-declaration/").status_code == 404


def test_media_alert_needs_a_press_contact(client, staff, index, topics):
    data = statement_form(client, index, topics, kind="media_alert", dateline_en="NEW YORK, 20 May 2022")
    data["action-publish"] = "action-publish"
    response = client.post(add_url("statementpage", index), data)
    assert response.status_code == 200  # the form again, with the error
    assert "needs a press contact" in response.content.decode()
    assert not StatementPage.objects.exists()


def pledge_form(client, index):
    return form_data(
        client,
        add_url("pledgepage", index),
        title_en="WIMN's pledge at the IMRF",
        title_fr="L'engagement de WIMN au FEMI",
        slug="pledge",
        date="2022-05-20",
        last_updated="2022-05-20",
        summary_en="Our pledge.",
        summary_fr="Notre engagement.",
        **body(en="<p>As follow up to the IMRF, WIMN pledges to:</p>"),
        **inline(
            "commitments",
            [
                {
                    "text_en": "Center the voices of migrant women.",
                    "text_fr": "Placer au centre les voix des femmes migrantes.",
                    "status": "planned",
                },
                {"text_en": "Work with the Gender & Migration Hub.", "status": "planned"},
            ],
        ),
        **inline("attachments", []),
    )


def test_staff_create_preview_and_publish_a_pledge(client, staff, index):
    url = add_url("pledgepage", index)
    response = client.post(url + "preview/", pledge_form(client, index))
    assert json.loads(response.content)["is_valid"] is True
    preview = BeautifulSoup(client.get(url + "preview/", {"mode": "fr"}).content, "html.parser")
    assert "Placer au centre les voix des femmes migrantes." in preview.select_one(".commitments").get_text()
    data = pledge_form(client, index)
    data["action-publish"] = "action-publish"
    assert client.post(url, data).status_code == 302
    pledge = PledgePage.objects.get(slug="pledge")
    assert pledge.live and pledge.kind == "pledge"
    assert [c.text for c in pledge.commitments.all()] == [
        "Center the voices of migrant women.",
        "Work with the Gender & Migration Hub.",
    ]


def test_pledge_update_keeps_the_earlier_version_for_comparison(client, staff, index):
    """Publishing an update to a pledge keeps the first version; the admin compares the two."""
    pledge = PledgePageFactory(parent=index, slug="pledge", title="Pledge")
    commitment = PledgeCommitmentFactory(page=pledge, text="Center the voices of migrant women.")
    pledge = PledgePage.objects.get(pk=pledge.pk)
    pledge.save_revision().publish()
    edit_url = f"/admin/pages/{pledge.pk}/edit/"
    data = form_data(client, edit_url, **body(en="<p>As follow-up, the network pledges to act.</p>"))
    data["commitments-0-status"] = "done"
    data["commitments-0-note_en"] = "The LIGA programme started."
    data["last_updated"] = "2023-07-04"
    data["action-publish"] = "action-publish"
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    commitment.refresh_from_db()
    assert commitment.status == "done"
    revisions = list(pledge.revisions.order_by("created_at", "pk"))
    assert len(revisions) == 2
    assert revisions[0].as_object().commitments.get().status == "planned"
    compare = client.get(f"/admin/pages/{pledge.pk}/revisions/compare/{revisions[0].pk}...{revisions[1].pk}/")
    assert compare.status_code == 200
    assert "The LIGA programme started." in compare.content.decode()
    html = BeautifulSoup(client.get("/en/statements/pledge/").content, "html.parser")
    assert html.select_one(".pledge__updated time")["datetime"] == "2023-07-04"


def op_ed_form(client, index):
    return form_data(
        client,
        add_url("opedpage", index),
        title_en="What should the world do about climate migrants?",
        title_es="¿Qué debe hacer el mundo frente a los migrantes climáticos?",
        slug="climate-migrants",
        date="2022-05-17",
        summary_en="Climate change already drives migration.",
        summary_es="El cambio climático ya impulsa la migración.",
        outlet="openDemocracy",
        original_url="https://www.opendemocracy.net/en/climate-migrants/",
        original_language="en",
        **body(),
        **inline(
            "authors",
            [{"name": "Catherine Tactaquin", "role_en": "Former director", "organization_name": "NNIRR"}],
        ),
        **inline(
            "language_versions",
            [
                {
                    "language": "es",
                    "title": "¿Qué debe hacer el mundo frente a los migrantes climáticos?",
                    "outlet": "",
                    "url": "https://www.opendemocracy.net/es/migrantes-climaticos/",
                },
                {
                    "language": "pt",
                    "title": "O que devemos fazer em relação aos migrantes climáticos?",
                    "outlet": "",
                    "url": "https://www.opendemocracy.net/pt/migrantes-climaticos/",
                },
            ],
        ),
        **inline("attachments", []),
    )


def test_staff_create_preview_and_publish_an_op_ed(client, staff, index):
    url = add_url("opedpage", index)
    response = client.post(url + "preview/", op_ed_form(client, index))
    assert json.loads(response.content)["is_valid"] is True
    preview = BeautifulSoup(client.get(url + "preview/", {"mode": "es"}).content, "html.parser")
    assert preview.h1.get_text() == "¿Qué debe hacer el mundo frente a los migrantes climáticos?"
    data = op_ed_form(client, index)
    data["action-publish"] = "action-publish"
    assert client.post(url, data).status_code == 302
    op_ed = OpEdPage.objects.get(slug="climate-migrants")
    assert op_ed.live and op_ed.kind == "op_ed"
    assert [a.name for a in op_ed.authors.all()] == ["Catherine Tactaquin"]
    assert sorted(v.language for v in op_ed.language_versions.all()) == ["es", "pt"]
    html = BeautifulSoup(client.get("/pt/statements/climate-migrants/").content, "html.parser")
    assert html.select_one('.op-ed__versions a[hreflang="pt"]')["href"].endswith("/pt/migrantes-climaticos/")


def test_op_ed_needs_an_author(client, staff, index):
    data = op_ed_form(client, index)
    for key in [k for k in data if k.startswith("authors-")]:
        del data[key]
    data.update(
        {
            "authors-TOTAL_FORMS": "0",
            "authors-INITIAL_FORMS": "0",
            "authors-MIN_NUM_FORMS": "1",
            "authors-MAX_NUM_FORMS": "1000",
        }
    )
    data["action-publish"] = "action-publish"
    response = client.post(add_url("opedpage", index), data)
    assert response.status_code == 200
    assert not OpEdPage.objects.exists()


def test_edit_form_of_existing_statement_renders(client, staff, index):
    page = StatementPageFactory(parent=index, date=datetime.date(2021, 10, 19))
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
