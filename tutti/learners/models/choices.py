"""The coded answers a learner's record holds, with the codes other systems use.

Every sensitive answer is optional and offers "prefer not to say" and "not known" (the default): a
hub records only what a family chooses to tell it.
"""

from django.db import models


class YearGroup(models.IntegerChoices):
    """National Curriculum year (the "NC Year" of school and music-service systems); Reception is 0."""

    RECEPTION = 0, "Reception"
    YEAR_1 = 1, "Year 1"
    YEAR_2 = 2, "Year 2"
    YEAR_3 = 3, "Year 3"
    YEAR_4 = 4, "Year 4"
    YEAR_5 = 5, "Year 5"
    YEAR_6 = 6, "Year 6"
    YEAR_7 = 7, "Year 7"
    YEAR_8 = 8, "Year 8"
    YEAR_9 = 9, "Year 9"
    YEAR_10 = 10, "Year 10"
    YEAR_11 = 11, "Year 11"
    YEAR_12 = 12, "Year 12"
    YEAR_13 = 13, "Year 13"


class Gender(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    ANOTHER = "another", "Another term"
    PREFER_NOT_TO_SAY = "prefer_not_to_say", "Prefer not to say"
    NOT_KNOWN = "not_known", "Not known"


class Ethnicity(models.TextChoices):
    """The ONS 2021 ethnic groups as the DfE school census codes them (its main codes, REFU and NOBT).

    The census's labels and grouping are kept so figures compare with the school population; ONS 2021
    places Chinese under Asian, as here. "Prefer not to say" is the census's REFU (refused) and
    "not known" its NOBT (information not yet obtained).
    """

    WBRI = "WBRI", "White: English, Welsh, Scottish, Northern Irish or British"
    WIRI = "WIRI", "White: Irish"
    WIRT = "WIRT", "White: Traveller of Irish heritage"
    WROM = "WROM", "White: Gypsy or Roma"
    WOTH = "WOTH", "White: any other White background"
    MWBC = "MWBC", "Mixed or multiple ethnic groups: White and Black Caribbean"
    MWBA = "MWBA", "Mixed or multiple ethnic groups: White and Black African"
    MWAS = "MWAS", "Mixed or multiple ethnic groups: White and Asian"
    MOTH = "MOTH", "Mixed or multiple ethnic groups: any other Mixed or multiple background"
    AIND = "AIND", "Asian or Asian British: Indian"
    APKN = "APKN", "Asian or Asian British: Pakistani"
    ABAN = "ABAN", "Asian or Asian British: Bangladeshi"
    CHNE = "CHNE", "Asian or Asian British: Chinese"
    AOTH = "AOTH", "Asian or Asian British: any other Asian background"
    BCRB = "BCRB", "Black, Black British, Caribbean or African: Caribbean"
    BAFR = "BAFR", "Black, Black British, Caribbean or African: African"
    BOTH = "BOTH", "Black, Black British, Caribbean or African: any other Black background"
    OOTH = "OOTH", "Other ethnic group: any other ethnic group (including Arab)"
    PREFER_NOT_TO_SAY = "REFU", "Prefer not to say"
    NOT_KNOWN = "NOBT", "Not known"


class Send(models.TextChoices):
    """Special educational needs and disabilities, as the SEN Code of Practice's levels of support."""

    NONE = "none", "No special educational needs"
    SEN_SUPPORT = "sen_support", "SEN support"
    EHC_PLAN = "ehc_plan", "Education, health and care (EHC) plan"
    PREFER_NOT_TO_SAY = "prefer_not_to_say", "Prefer not to say"
    NOT_KNOWN = "not_known", "Not known"


class Answer(models.TextChoices):
    """A yes-or-no question a family may decline to answer."""

    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT_TO_SAY = "prefer_not_to_say", "Prefer not to say"
    NOT_KNOWN = "not_known", "Not known"


class LookedAfter(models.TextChoices):
    LOOKED_AFTER = "looked_after", "Looked after"
    PREVIOUSLY_LOOKED_AFTER = "previously_looked_after", "Previously looked after"
    NO = "no", "No"
    PREFER_NOT_TO_SAY = "prefer_not_to_say", "Prefer not to say"
    NOT_KNOWN = "not_known", "Not known"
