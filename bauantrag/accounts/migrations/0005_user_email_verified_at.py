from django.db import migrations, models
from django.db.models import F


def accounts_before_verification_count_as_verified(apps, schema_editor):
    """Accounts that exist before the check (staff created by administrators, applicants registered earlier) keep
    their right to submit; only new registrations confirm their address."""
    User = apps.get_model("accounts", "User")
    User.objects.filter(email_verified_at__isnull=True).update(email_verified_at=F("date_joined"))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_tenant_llm"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_verified_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Erst mit bestätigter Adresse können Antragsteller/innen und Entwurfsverfasser/innen einreichen.",
                null=True,
                verbose_name="E-Mail-Adresse bestätigt am",
            ),
        ),
        migrations.RunPython(accounts_before_verification_count_as_verified, migrations.RunPython.noop),
    ]
