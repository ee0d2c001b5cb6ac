"""Serving stored Bauvorlagen: only what `access_document` lets the user see, with safe headers."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from bauantrag.accounts.models import User
from bauantrag.cases.access import access_case
from bauantrag.documents import progress, search, storage
from bauantrag.documents.access import access_document
from bauantrag.documents.actions import record_damaged
from bauantrag.documents.models import Document, TextMethod
from bauantrag.documents.serving import serve_document, tampered_response


@login_required
@require_GET
def download(request: HttpRequest, document_id: Any) -> HttpResponse | FileResponse:
    """The original as uploaded (evidence), always as an attachment."""
    document = access_document(request.user, document_id)
    try:
        response = serve_document(document, "attachment")
    except storage.DocumentTampered:
        record_damaged(_user(request), document, "download")
        return tampered_response()
    response["Content-Security-Policy"] = "sandbox"
    return response


@login_required
@require_GET
def inline(request: HttpRequest, document_id: Any) -> HttpResponse | FileResponse:
    """PDFs only, for the viewer frame in the clerk's case view: the copy without active content if there is one."""
    document = access_document(request.user, document_id)
    if document.content_type != "application/pdf":
        raise Http404
    try:
        response = serve_document(document, "inline", viewer_copy=True)
    except storage.DocumentTampered:
        record_damaged(_user(request), document, "inline")
        return tampered_response()
    response["X-Frame-Options"] = "SAMEORIGIN"
    response._csp_replace = {"frame-ancestors": ["'self'"]}  # type: ignore[attr-defined]  # (settings: 'none')
    return response


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _case_url(user: User | None, document: Document) -> str:
    if user is not None and user.does_casework:
        return reverse("workspace:case", kwargs={"case_id": document.case_id})
    return reverse("portal:detail", kwargs={"case_id": document.case_id})


@login_required
@require_GET
def text_status(request: HttpRequest, document_id: Any) -> JsonResponse:
    """How far the text has been read (polled by text_status.js while it is being read)."""
    document = access_document(request.user, document_id)
    response = JsonResponse(progress.as_json(document))
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def text(request: HttpRequest, document_id: Any) -> HttpResponse:
    """The text read from each page (text layer or OCR), for the clerk and for the applicant's own documents."""
    document = access_document(request.user, document_id)
    query = search.normalise_query(request.GET.get("q", ""))
    if len(query) < search.MIN_QUERY:
        query = ""
    paginator = Paginator(document.pages.order_by("number"), search.PAGES_PER_VIEW)
    page_obj = paginator.get_page(request.GET.get("seite"))
    pages = [
        {"number": page.number, "text": search.highlight(page.text, query), "is_ocr": page.method == TextMethod.OCR,
         "confidence": page.ocr_confidence, "empty": not page.text.strip()}
        for page in page_obj.object_list
    ]
    return render(request, "documents/text.html", {
        "document": document, "case": document.case, "pages": pages, "page_obj": page_obj, "query": query,
        "back_url": _case_url(_user(request), document),
    })


@login_required
@require_GET
def case_search(request: HttpRequest, case_id: Any) -> HttpResponse:
    """Full-text search over the Bauvorlagen of one case (Sachbearbeitung)."""
    user = _user(request)
    if user is None or not user.does_casework:
        raise Http404
    case = access_case(user, case_id)
    raw = request.GET.get("q", "")
    query = search.normalise_query(raw)
    error = ""
    hits: list[search.Hit] = []
    more = False
    if raw.strip() and len(query) < search.MIN_QUERY:
        error = str(_("Bitte geben Sie mindestens %(n)s Zeichen ein.") % {"n": search.MIN_QUERY})
    elif query:
        hits, more = search.search(case, query)
    return render(request, "documents/search.html", {
        "case": case, "query": query, "hits": hits, "more": more, "max_hits": search.MAX_HITS, "error": error,
        "searched": bool(query) and not error,
    }, status=400 if error else 200)
