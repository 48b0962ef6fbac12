"""A hub administrator brings their area's schools into the national register from a GIAS extract.

GIAS lets anyone download the establishments of one local authority; the upload takes that file, checks
every row and writes nothing unless all of them are good and all are in the hub's own area.
"""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from tutti.accounts.access import hub_role_required
from tutti.accounts.models import Role
from tutti.network.importing.problems import ImportRejectedError, Problem
from tutti.network.importing.tabular import UnreadableFileError
from tutti.schools.services import school_register_import_for_hub
from tutti.schools.views import hub_of

MAX_UPLOAD_BYTES = 64 * 1024 * 1024  # the whole national extract is about 60 MB; one area's is far smaller


class ExtractUploadForm(forms.Form):
    extract = forms.FileField(
        label="GIAS establishment extract (CSV)",
        help_text="Download it from Get Information About Schools, filtered to your local authorities, "
        "and upload the .csv file as it is.",
    )

    def clean_extract(self) -> object:
        extract = self.cleaned_data["extract"]
        if not extract.name.lower().endswith(".csv"):
            raise forms.ValidationError("Choose the .csv file GIAS gives you, not a spreadsheet or zip file.")
        if extract.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 64 MB: download only your own local authorities.")
        return extract


@hub_role_required(Role.HUB_ADMINISTRATOR)
def register_import(request: HttpRequest) -> HttpResponse:
    form = ExtractUploadForm(request.POST or None, request.FILES or None)
    problems: list[Problem] = []
    if request.method == "POST" and form.is_valid():
        extract = form.cleaned_data["extract"]
        try:
            result = school_register_import_for_hub(data=extract.read(), name=extract.name, hub=hub_of(request))
        except UnreadableFileError as error:
            form.add_error("extract", str(error))
        except ImportRejectedError as error:
            problems = list(error.problems)
        else:
            messages.success(request, " ".join(result.report_lines()))
            return redirect("schools:list")
    return render(request, "schools/register_import.html", {"form": form, "problems": problems})
