import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Signatories and op-ed authors share campaigns.OrganizationOrName: the signatory's typed name is now
    its `organization_name`, as the author's already was."""

    dependencies = [
        ("campaigns", "0002_directory_calendar_demands_timeline"),
        ("statements", "0001_initial"),
    ]

    operations = [
        migrations.RenameField("statementsignatory", "name", "organization_name"),
        migrations.AlterField(
            model_name='opedauthor',
            name='organization',
            field=models.ForeignKey(blank=True, help_text='Choose from the organizations directory when it is there.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='campaigns.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='opedauthor',
            name='organization_name',
            field=models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, verbose_name='organization name'),
        ),
        migrations.AlterField(
            model_name='statementsignatory',
            name='organization',
            field=models.ForeignKey(blank=True, help_text='Choose from the organizations directory when it is there.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='campaigns.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='statementsignatory',
            name='organization_name',
            field=models.CharField(blank=True, help_text='For an organization not in the directory (a government or UN agency, say); with one chosen, how to write its name when it differs (in another language, for instance).', max_length=255, verbose_name='organization name'),
        ),
    ]
