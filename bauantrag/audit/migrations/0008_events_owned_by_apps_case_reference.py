"""The event codes lose their database choices (each app declares its own, audit/events.py), and the foreign key
to cases.Case becomes a plain case id in the same column: no row is copied or changed, so every hash stays valid."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('audit', '0007_nachforderung_extended_event'),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditevent',
            name='event',
            field=models.CharField(help_text='Code des Ereignisses, von der schreibenden App erklärt', max_length=40),
        ),
        # ForeignKey -> UUIDField on the same column "case_id": the constraint is dropped, the values stay.
        migrations.AlterField(
            model_name='auditevent',
            name='case',
            field=models.UUIDField(blank=True, db_column='case_id', db_index=True, null=True),
        ),
        migrations.RenameField(
            model_name='auditevent',
            old_name='case',
            new_name='case_id',
        ),
        migrations.AlterField(
            model_name='auditevent',
            name='case_id',
            field=models.UUIDField(blank=True, db_index=True, null=True),
        ),
    ]
