"""API tokens stored hashed (api.ApiToken); the clear-text tokens of rest_framework.authtoken are dropped.

Every token issued before this migration is void: the systems need a new one (README, "Schnittstelle").
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0004_tenant_llm'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ApiToken',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('prefix', models.CharField(max_length=16, unique=True, verbose_name='Kennung')),
                ('digest', models.CharField(editable=False, max_length=64)),
                ('name', models.CharField(max_length=100, verbose_name='Bezeichnung')),
                ('scope', models.CharField(choices=[('read', 'Lesen (Anträge, Befunde, Bauvorlagen, Verlauf)'), ('casework', 'Lesen und Sachbearbeitung (Vollständigkeit, Nachforderung, Befunde bewerten, Prüfung)')], max_length=20, verbose_name='Berechtigung')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='angelegt am')),
                ('expires_at', models.DateTimeField(verbose_name='gültig bis')),
                ('last_used_at', models.DateTimeField(blank=True, null=True, verbose_name='zuletzt benutzt')),
                ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='widerrufen am')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='angelegt von')),
                ('tenant', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='api_tokens', to='accounts.tenant', verbose_name='Kommune')),
                ('user', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='api_token', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'API-Zugang',
                'verbose_name_plural': 'API-Zugänge',
                'ordering': ['-created_at'],
            },
        ),
        # rest_framework.authtoken is no longer installed: its table (tokens in clear text) goes, with its history.
        migrations.RunSQL(
            ["DROP TABLE IF EXISTS authtoken_token", "DELETE FROM django_migrations WHERE app = 'authtoken'"],
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
