from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.http import HttpRequest

from bauantrag.notifications.models import NotificationLog

if TYPE_CHECKING:
    _Base = admin.ModelAdmin[NotificationLog]
else:
    _Base = admin.ModelAdmin


@admin.register(NotificationLog)
class NotificationLogAdmin(_Base):
    """Read-only: the log is written by the sending task alone."""

    list_display = ["created_at", "tenant", "case", "event", "recipient", "status", "attempts", "sent_at"]
    list_filter = ["status", "event", "tenant"]
    search_fields = ["case__file_number", "recipient"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: NotificationLog | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: NotificationLog | None = None) -> bool:
        return False
