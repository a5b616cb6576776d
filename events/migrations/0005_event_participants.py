"""Event participants with roles (issue 12): speakers, moderators and co-sponsors become one list of
`EventParticipant` rows, each with its role (organizer, co-organizer, co-sponsor, moderator, speaker,
rapporteur). Every existing row is copied, in the editors' order, and so are the rows kept in page revisions
(drafts, history), so publishing a draft made before the migration keeps its people and co-sponsors."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

LANGUAGES = ("en", "es", "pt", "fr")


def participant_from_person(person):
    """A speaker or moderator (a dict of the old EventPerson's columns) as participant columns."""
    row = {
        "role": "moderator" if person.get("is_moderator") else "speaker",
        "name": person.get("name") or "",
        "position": person.get("role") or "",
        "organization": person.get("organization"),
        # a speaker's organization name was not translated: it is the English one
        "organization_name": person.get("organization_name") or "",
        "organization_name_en": person.get("organization_name") or "",
    }
    for code in LANGUAGES:
        row[f"position_{code}"] = person.get(f"role_{code}") or ("" if code != "en" else row["position"])
        row.setdefault(f"organization_name_{code}", "")
    return row


def participant_from_cosponsor(cosponsor):
    """A co-sponsor (a dict of the old EventCoSponsor's columns) as participant columns."""
    row = {
        "role": "co-sponsor",
        "name": "",
        "position": "",
        "organization": cosponsor.get("organization"),
        "organization_name": cosponsor.get("organization_name") or "",
    }
    for code in LANGUAGES:
        row[f"position_{code}"] = ""
        row[f"organization_name_{code}"] = cosponsor.get(f"organization_name_{code}") or ""
    return row


def participants_of(people, cosponsors):
    """The participants of one event: its people in their order, then its co-sponsors in theirs, numbered."""

    def order(row):
        return (row.get("sort_order") is None, row.get("sort_order") or 0, row.get("pk") or row.get("id") or 0)

    rows = [participant_from_person(p) for p in sorted(people, key=order)]
    rows += [participant_from_cosponsor(c) for c in sorted(cosponsors, key=order)]
    for number, row in enumerate(rows):
        row["sort_order"] = number
    return rows


def revision_content(content):
    """A page revision's content (dict) with "speakers" and "cosponsors" replaced by "participants"."""
    if "speakers" not in content and "cosponsors" not in content:
        return content
    content = dict(content)
    people = content.pop("speakers", None) or []
    cosponsors = content.pop("cosponsors", None) or []
    page = content.get("pk")
    content["participants"] = [
        {"pk": None, "page": page, **row} for row in participants_of(people, cosponsors)
    ]
    return content


def copy_participants(apps, schema_editor):
    EventPerson = apps.get_model("events", "EventPerson")
    EventCoSponsor = apps.get_model("events", "EventCoSponsor")
    EventParticipant = apps.get_model("events", "EventParticipant")
    people, cosponsors = {}, {}
    for person in EventPerson.objects.values():
        person["organization"] = person.pop("organization_id")
        people.setdefault(person.pop("page_id"), []).append(person)
    for cosponsor in EventCoSponsor.objects.values():
        cosponsor["organization"] = cosponsor.pop("organization_id")
        cosponsors.setdefault(cosponsor.pop("page_id"), []).append(cosponsor)
    created = []
    for page_id in sorted(set(people) | set(cosponsors)):
        for row in participants_of(people.get(page_id, []), cosponsors.get(page_id, [])):
            organization = row.pop("organization")
            created.append(EventParticipant(page_id=page_id, organization_id=organization, **row))
    EventParticipant.objects.bulk_create(created)
    copy_revisions(apps)


def copy_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    event_type = ContentType.objects.filter(app_label="events", model="eventpage").first()
    if event_type is None:
        return
    for revision in Revision.objects.filter(content_type=event_type).only("pk", "content"):
        content = revision_content(revision.content)
        if content is not revision.content:
            Revision.objects.filter(pk=revision.pk).update(content=content)


def copy_back(apps, schema_editor):
    """Reverse: participants back to people (moderators, speakers and rapporteurs) and co-sponsors (organizers and
    co-organizers too, the old model's nearest place for them). Revisions are left as they are."""
    EventPerson = apps.get_model("events", "EventPerson")
    EventCoSponsor = apps.get_model("events", "EventCoSponsor")
    EventParticipant = apps.get_model("events", "EventParticipant")
    for row in EventParticipant.objects.order_by("page_id", "sort_order", "pk"):
        if row.role in ("moderator", "speaker", "rapporteur"):
            EventPerson.objects.create(
                page_id=row.page_id,
                sort_order=row.sort_order,
                name=row.name,
                is_moderator=row.role == "moderator",
                organization_id=row.organization_id,
                organization_name=row.organization_name_en or row.organization_name or "",
                role=row.position or "",
                **{f"role_{code}": getattr(row, f"position_{code}") for code in LANGUAGES},
            )
        else:
            EventCoSponsor.objects.create(
                page_id=row.page_id,
                sort_order=row.sort_order,
                organization_id=row.organization_id,
                organization_name=row.organization_name or "",
                **{f"organization_name_{code}": getattr(row, f"organization_name_{code}") for code in LANGUAGES},
            )


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0003_advocacy_rule_help'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('events', '0004_campaign_help_text'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='EventParticipant',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('organization_name', models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, verbose_name='organization name')),
                ('organization_name_en', models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, null=True, verbose_name='organization name')),
                ('organization_name_es', models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, null=True, verbose_name='organization name')),
                ('organization_name_pt', models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, null=True, verbose_name='organization name')),
                ('organization_name_fr', models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, null=True, verbose_name='organization name')),
                ('role', models.CharField(choices=[('organizer', 'Organizer'), ('co-organizer', 'Co-organizer (organized with the network)'), ('co-sponsor', 'Co-sponsor'), ('moderator', 'Moderator'), ('speaker', 'Speaker'), ('rapporteur', 'Rapporteur')], default='speaker', max_length=20, verbose_name='role')),
                ('name', models.CharField(blank=True, help_text='For a moderator, speaker or rapporteur, as the programme names her.', max_length=200, verbose_name="person's name")),
                ('position', models.CharField(blank=True, help_text='E.g. Co-convenor, or Director.', max_length=200, verbose_name='position')),
                ('position_en', models.CharField(blank=True, help_text='E.g. Co-convenor, or Director.', max_length=200, null=True, verbose_name='position')),
                ('position_es', models.CharField(blank=True, help_text='E.g. Co-convenor, or Director.', max_length=200, null=True, verbose_name='position')),
                ('position_pt', models.CharField(blank=True, help_text='E.g. Co-convenor, or Director.', max_length=200, null=True, verbose_name='position')),
                ('position_fr', models.CharField(blank=True, help_text='E.g. Co-convenor, or Director.', max_length=200, null=True, verbose_name='position')),
                ('organization', models.ForeignKey(blank=True, help_text='Choose from the organizations directory when it is there.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='campaigns.organization', verbose_name='organization')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='participants', to='events.eventpage')),
            ],
            options={
                'verbose_name': 'participant',
                'verbose_name_plural': 'participants',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.RunPython(copy_participants, copy_back),
        migrations.RemoveField(
            model_name='eventperson',
            name='organization',
        ),
        migrations.RemoveField(
            model_name='eventperson',
            name='page',
        ),
        migrations.DeleteModel(
            name='EventCoSponsor',
        ),
        migrations.DeleteModel(
            name='EventPerson',
        ),
    ]
