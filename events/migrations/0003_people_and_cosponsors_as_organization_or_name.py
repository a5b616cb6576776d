import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Co-sponsors and speakers share campaigns.OrganizationOrName: the co-sponsor's name (in every language)
    and the speaker's typed organization become `organization_name`; a speaker may now also be linked to
    the directory."""

    dependencies = [
        ("campaigns", "0002_directory_calendar_demands_timeline"),
        ("events", "0002_cosponsor_name_help"),
    ]

    operations = [
        migrations.RenameField("eventcosponsor", "name", "organization_name"),
        migrations.RenameField("eventcosponsor", "name_en", "organization_name_en"),
        migrations.RenameField("eventcosponsor", "name_es", "organization_name_es"),
        migrations.RenameField("eventcosponsor", "name_pt", "organization_name_pt"),
        migrations.RenameField("eventcosponsor", "name_fr", "organization_name_fr"),
        migrations.RenameField("eventperson", "organization", "organization_name"),
        migrations.AddField(
            model_name='eventperson',
            name='organization',
            field=models.ForeignKey(blank=True, help_text='Choose from the organizations directory when it is there.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='campaigns.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='eventcosponsor',
            name='organization',
            field=models.ForeignKey(blank=True, help_text='Choose from the organizations directory when it is there.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='campaigns.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='eventcosponsor',
            name='organization_name',
            field=models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, verbose_name='organization name'),
        ),
        migrations.AlterField(
            model_name='eventcosponsor',
            name='organization_name_en',
            field=models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, null=True, verbose_name='organization name'),
        ),
        migrations.AlterField(
            model_name='eventcosponsor',
            name='organization_name_es',
            field=models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, null=True, verbose_name='organization name'),
        ),
        migrations.AlterField(
            model_name='eventcosponsor',
            name='organization_name_fr',
            field=models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, null=True, verbose_name='organization name'),
        ),
        migrations.AlterField(
            model_name='eventcosponsor',
            name='organization_name_pt',
            field=models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, null=True, verbose_name='organization name'),
        ),
        migrations.AlterField(
            model_name='eventperson',
            name='organization_name',
            field=models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, verbose_name='organization name'),
        ),
    ]
