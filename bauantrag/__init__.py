"""Bauantrag. The Celery app is loaded with the package, so that `shared_task` binds to it in every process
(web, worker, commands) and `celery -A bauantrag` finds it."""

from bauantrag.celery import app as celery_app

__all__ = ["celery_app"]
