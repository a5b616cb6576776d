"""The statements' demo data (statements/demo.yaml) through the generic loader: values the seeds do not state are
marked per field, `load_demo --no-examples` leaves them out, and bad data gets an error naming the file and key."""

import datetime

import pytest
import yaml

from statements import demo
from statements.models import OpEdPage, PledgePage, StatementBasePage, StatementPage
from wimn_site import demo_data
from wimn_site.demo_data import DemoDataError, Node
from wimn_site.factories import HomePageFactory

FILE = "statements/demo.yaml"


def raw():
    with open(demo_data.read(FILE).file, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_a_field_marked_as_example_gives_its_fallback_or_nothing_without_examples():
    item = Node(
        {
            "date": "2022-05-17",
            "url": "https://www.opendemocracy.net/en/op-ed/",
            "title": "Op-ed",
            "examples": ["date", "url"],
            "without_examples": {"date": "2022-05-20"},
        },
        "s.yaml",
        "op_eds[0]",
    )
    assert item.example_fields() == {"date", "url"}
    assert item.field("date", examples=True).date() == datetime.date(2022, 5, 17)
    assert item.field("date", examples=False).date() == datetime.date(2022, 5, 20)
    assert item.field("url", examples=True).text() == "https://www.opendemocracy.net/en/op-ed/"
    assert item.field("url", examples=False).text() == ""
    assert item.field("title", examples=False).text() == "Op-ed"  # not an example: kept


def test_a_bad_examples_list_names_the_file_and_the_key():
    typo = Node({"date": "2022-05-17", "examples": ["dat"]}, "s.yaml", "op_eds[1]")
    with pytest.raises(DemoDataError, match=r"^s\.yaml: op_eds\[1\]\.examples\[0\]: 'dat' is not a key of the item$"):
        typo.field("date", examples=False)
    not_a_list = Node({"date": "2022-05-17", "examples": "date"}, "s.yaml", "op_eds[1]")
    with pytest.raises(DemoDataError, match=r"^s\.yaml: op_eds\[1\]\.examples: 'date' is not a list$"):
        not_a_list.field("date", examples=False)
    fallback = Node({"date": "2022-05-17", "examples": ["date"], "without_examples": ["2022-05-20"]}, "s.yaml", "x")
    with pytest.raises(DemoDataError, match=r"^s\.yaml: x\.without_examples: \['2022-05-20'\] is not a mapping$"):
        fallback.field("date", examples=False)


def test_the_statements_file_marks_what_the_seeds_do_not_state():
    data = demo_data.read(FILE)
    statements = {item["slug"].value: item for item in data["statements"].items()}
    for slug in ("comment-progress-declaration-rev-2", "comment-progress-declaration-rev-3"):
        assert statements[slug].example_fields() == {"date"}  # the seeds give no day
    # the seeds name no press contact; the address is the network's (seed 001)
    assert statements["media-alert-imrf-progress-declaration"].example_fields() == {"press_contact_name"}
    # the seeds give every document in English only: each translation is the demo's own
    documents = [item["document"] for item in [*statements.values(), data["pledge"]]]
    assert all("translations" in doc.example_fields() for doc in documents if "translations" in doc)
    for op_ed in data["op_eds"].items():
        assert {"date", "url", "document"} <= op_ed.example_fields()
        assert all(version.example_fields() == {"url"} for version in op_ed.get("versions").items())
    # the pledge's statuses, as made and as updated, are the demo's reading of the seed
    for commitment in data["pledge"]["commitments"].items():
        assert "updated_status" in commitment.example_fields()
        assert "status" in commitment or commitment["added_in_update"].flag()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "value", "error"),
    [
        (("statements", 0, "kind"), "memo", "statements[0].kind: 'memo' is not one of statement, joint_statement"),
        (("statements", 0, "date"), "19/10/2021", "statements[0].date: '19/10/2021' is not a date"),
        (("statements", 0, "title"), {"es": "Declaración"}, "statements[0].title.en: missing"),
        (("statements", 0, "document", "translations"), ["de"], "statements[0].document.translations[0]: 'de'"),
    ],
)
def test_the_builder_reports_a_bad_value_of_the_statements_file(path, value, error):
    data = raw()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(DemoDataError) as raised:
        demo.build(HomePageFactory(), Node(data, FILE))
    assert str(raised.value).startswith(f"{FILE}: {error}")


@pytest.mark.django_db
def test_a_whole_page_marked_as_example_is_refused():
    """Every page of the section is in the seeds and statement pages have no "Example" label: the data marks
    invented values per field, and a page marked `example: true` is an error rather than an unlabelled example."""
    data = raw()
    data["news"][0]["example"] = True
    for key in ("statements", "op_eds"):
        data[key] = []  # build quickly up to the news
    data["pledge"].pop("document")
    with pytest.raises(DemoDataError, match=r"^statements/demo\.yaml: news\[0\]\.example: True is not allowed"):
        demo.build(HomePageFactory(), Node(data, FILE))


@pytest.mark.django_db
def test_a_note_the_page_does_not_have_is_reported():
    data = raw()
    summit = next(item for item in data["statements"] if item["slug"] == "initial-elements-unga-summit-2016")
    index = data["statements"].index(summit)
    summit["footnotes"] = summit["footnotes"][:2]  # the body still places note 3
    for item in data["statements"][:index]:
        item.pop("document")  # build quickly up to the 2016 statement
    with pytest.raises(DemoDataError) as raised:
        demo.build(HomePageFactory(), Node(data, FILE))
    assert str(raised.value).startswith(f"statements/demo.yaml: statements[{index}].body.en[3]: ")
    assert "notes are among the item's footnotes ([1, 2])" in str(raised.value)


@pytest.mark.django_db
def test_load_demo_without_examples_loads_no_statement_value_marked_as_example(demo_without_examples):
    # every page of the record is there
    assert StatementBasePage.objects.count() == 15
    # no op-ed date or address the seeds lack: the day of the seed's page that lists them, the outlet's site
    for op_ed in OpEdPage.objects.all():
        assert op_ed.date == datetime.date(2022, 5, 20)
        assert op_ed.original_url == "https://www.opendemocracy.net/"
        assert not op_ed.attachments.exists()
        assert all(v.url == "https://www.opendemocracy.net/" for v in op_ed.language_versions.all())
        assert not op_ed.body_en  # the one op-ed body is the demo's reading of an op-ed the seed only lists
    assert {v.title for op_ed in OpEdPage.objects.all() for v in op_ed.language_versions.all()} >= {
        "¿Qué debe hacer el mundo frente a los migrantes climáticos?",  # the seed gives these titles
        "O que devemos fazer em relação aos migrantes climáticos?",
    }
    comments = StatementPage.objects.filter(kind="comment")
    assert comments.count() == 2 and {c.date for c in comments} == {datetime.date(2022, 5, 20)}
    alert = StatementPage.objects.get(kind="media_alert")
    assert (alert.press_contact_name, alert.press_contact_email) == ("", "wimninfo@womeninmigration.org")
    # documents in English only, and the pledge's statuses blank in both of its versions
    for page in StatementBasePage.objects.all():
        for attachment in page.attachments.all():
            assert attachment.document.language == "en" and not attachment.document.translations.exists()
    pledge = PledgePage.objects.get()
    revisions = list(pledge.revisions.order_by("created_at", "pk"))
    assert len(revisions) == 2
    assert [c.status for c in revisions[0].as_object().commitments.all()] == [""] * 4
    assert [c.status for c in pledge.commitments.all()] == [""] * 6
    assert str(pledge.last_updated) == "2023-07-04"


def _texts(node, language):
    """Every text of a demo file in `language` (values under that language's key)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == language:
                yield from (
                    v if isinstance(v, str) else str(v) for v in (value if isinstance(value, list) else [value])
                )
            else:
                yield from _texts(value, language)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value, language)


def test_one_name_for_the_forum_and_its_declaration_in_each_language_of_every_demo_file():
    """The UN's names: 'Declaración sobre los Progresos' (es), 'Déclaration sur les progrès' (fr); FEMI in Spanish and
    French, FRMI in Portuguese (Brazilian: 'Fórum de Revisão da Migração Internacional')."""
    files = ["wimn_site/demo.yaml", "campaigns/demo.yaml", "events/demo.yaml", FILE]
    spanish = [text for file in files for text in _texts(demo_data.read(file).value, "es")]
    portuguese = [text for file in files for text in _texts(demo_data.read(file).value, "pt")]
    french = [text for file in files for text in _texts(demo_data.read(file).value, "fr")]
    assert not [text for text in spanish if "Declaración de Progreso" in text]
    assert any("Declaración sobre los Progresos" in text for text in spanish)
    assert not [text for text in portuguese if "FEMI" in text]
    assert not [text for text in french if "FRMI" in text or "guerrières" in text]


def test_the_2021_statement_asks_for_pathways_for_humanitarian_resettlement_in_every_language():
    """Seed 001: "Expanded pathways for humanitarian resettlement for migrants and refugees" (not regular pathways)."""
    statement = next(
        item
        for item in demo_data.read(FILE)["statements"].items()
        if item["slug"].value == "un-network-roadmap-imrf-2021"
    )
    summaries = statement["summary"].translated()
    words = {"en": "humanitarian resettlement", "es": "reasentamiento humanitario", "pt": "reassentamento humanitário"}
    words["fr"] = "réinstallation humanitaire"
    assert all(words[code] in summaries[code] for code in words)
    bodies = statement["body"].value
    assert "Expanded pathways for humanitarian resettlement" in " ".join(bodies["en"])
    assert "reasentamiento humanitario" in " ".join(bodies["es"])
    assert not [p for code in bodies for p in bodies[code] if "regular pathways" in p or "vías regulares" in p]
