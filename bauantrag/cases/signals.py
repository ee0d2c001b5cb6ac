"""A signal for what happened to a case, sent by the actions inside their transaction.

Receivers (e.g. correspondence, which files the Eingangsbestätigung as a letter) run in the same transaction:
if one raises, the action is rolled back. Arguments: ``case``, ``event`` (audit Event), ``actor`` (User or None)
and ``obj`` (the object the action created, e.g. the Nachforderung, or None).
"""

from django.dispatch import Signal

case_event = Signal()
