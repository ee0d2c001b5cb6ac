"""Each row says how its hash was made: every row written so far keeps its unkeyed SHA-256 (version 1, no row is
rewritten), new rows are sealed with an HMAC over every column (version 2, audit/chain.py)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0008_events_owned_by_apps_case_reference'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditevent',
            name='hash_version',
            field=models.PositiveSmallIntegerField(default=1),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='hash_version',
            field=models.PositiveSmallIntegerField(default=2),
        ),
    ]
