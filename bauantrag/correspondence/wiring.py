"""Panels of the correspondence on the case pages (filled in by views), and the sources of the letters' fee and
decision date."""

from __future__ import annotations


def register() -> None:
    from bauantrag.cases.entscheidungsfrist import decision_due_date
    from bauantrag.correspondence import letter_facts, template_views, views
    from bauantrag.fees.assessment import current_assessment

    views.register_panels()
    template_views.register_links()
    # The Bescheid's Gebührenfestsetzung and the completeness letter's decision date (§ 71 Abs. 2 Nr. 1 BauO NRW).
    letter_facts.FEE_SOURCES.register("fees", current_assessment)
    letter_facts.DECISION_DATE_SOURCES.register("cases", decision_due_date)
