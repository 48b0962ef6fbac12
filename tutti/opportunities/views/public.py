"""The public pages: the finder, each listing's page and photo, and the hubs' published documents."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tutti.network.caching import cached_public_page_for
from tutti.opportunities import selectors
from tutti.opportunities.forms import FinderForm
from tutti.opportunities.joining import join_url

RESULTS_PER_PAGE = 20
# Listings bump the network revision, so a changed listing shows at once; an activity's weekly times and
# places, which programmes changes without a bump, may be this many seconds behind on the public pages.
PUBLIC_PAGE_SECONDS = 60
cached = cached_public_page_for(PUBLIC_PAGE_SECONDS)


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_safe
@cached
def finder(request: HttpRequest) -> HttpResponse:
    """Search every hub's public activities; nearest first when a postcode is given."""
    form = FinderForm(request.GET or None)
    results: list[selectors.Result] = []
    searched = form.is_bound
    if not searched:
        results = selectors.finder_results(selectors.FinderQuery(criteria=selectors.programmes.ActivityCriteria()))
    elif form.is_valid():
        results = selectors.finder_results(form.query())
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page": page,
        "place": form.cleaned_data.get("postcode") if searched and form.is_valid() else None,
        "hints": form.widening_hints() if searched and form.is_valid() and not results else [],
        "query_string": _query_without_page(request),
    }
    return render(request, "opportunities/finder.html", context)


@require_safe
@cached
def listing_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    listing = selectors.public_listing(public_id)
    if listing is None:
        raise Http404("No such public activity.")
    context = {"listing": listing, "activity": listing.activity, "join_url": join_url(listing)}
    return render(request, "opportunities/listing_detail.html", context)


@require_safe
def listing_photo(request: HttpRequest, public_id: str) -> FileResponse:
    listing = selectors.public_listing(public_id)
    if listing is None or not listing.photo:
        raise Http404("No photo.")
    return FileResponse(listing.photo.open("rb"))


@require_safe
def document_download(request: HttpRequest, public_id: str) -> FileResponse:
    """A hub's published PDF, always as a download (never rendered in our pages' origin)."""
    document = selectors.published_document(public_id)
    if document is None:
        raise Http404("No such document.")
    filename = f"{document.title}.pdf"
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")
