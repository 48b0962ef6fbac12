"""One set of GOV.UK field includes serves every form: each widget gets its GOV.UK control, label and error."""

from django import forms
from django.template.loader import render_to_string

CHOICES = [("wcet", "Whole-class ensemble teaching"), ("choir", "Choir")]


class EveryWidgetForm(forms.Form):
    name = forms.CharField(help_text="As it appears on the register")
    notes = forms.CharField(widget=forms.Textarea)
    kind = forms.ChoiceField(choices=CHOICES)
    level = forms.ChoiceField(choices=CHOICES, widget=forms.RadioSelect)
    services = forms.MultipleChoiceField(choices=CHOICES, widget=forms.CheckboxSelectMultiple)
    consent = forms.BooleanField()


def render(data: dict) -> str:
    form = EveryWidgetForm(data)
    form.is_valid()
    return render_to_string("core/forms/fields.html", {"form": form}) + render_to_string(
        "core/forms/error_summary.html", {"form": form}
    )


def test_each_widget_is_drawn_as_its_govuk_control_and_keeps_what_was_typed():
    html = render({"name": "Aurelia Thistlecombe", "notes": "Plays cello", "kind": "choir", "level": "wcet"})

    assert 'class="govuk-input' in html
    assert 'value="Aurelia Thistlecombe"' in html
    assert '<textarea class="govuk-textarea' in html
    assert ">Plays cello</textarea>" in html
    assert '<select class="govuk-select' in html
    assert '<option value="choir" selected>' in html
    assert 'class="govuk-radios__input" id="id_level" name="level" type="radio" value="wcet" checked' in html
    assert 'class="govuk-checkboxes__input" id="id_services_0"' in html


def test_every_error_in_the_summary_links_to_a_control_with_that_id():
    html = render({})

    for anchor in ("#id_name", "#id_notes", "#id_kind", "#id_level", "#id_services_0", "#id_consent"):
        assert f'href="{anchor}"' in html
        assert f'id="{anchor[1:]}"' in html
    assert 'aria-describedby="id_name-hint id_name-error"' in html
