"""The Celery application: background work (pre-check, later OCR, letters, reminders)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bauantrag.settings")

app = Celery("bauantrag")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(
    ["bauantrag.accounts", "bauantrag.cases", "bauantrag.notifications", "bauantrag.documents",
     "bauantrag.correspondence", "bauantrag.decision", "bauantrag.audit", "bauantrag.reports", "bauantrag.celery"]
)
