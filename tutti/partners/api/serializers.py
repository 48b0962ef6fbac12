"""JSON shapes of partners and their agreements. Money (contributions) only for the roles that see it."""

from typing import Any

from rest_framework import serializers

from tutti.core import academic_year
from tutti.network.models import Aim, LocalAuthority, StrategicFunction
from tutti.partners.models import Agreement, Partner


class AgreementSerializer(serializers.ModelSerializer[Agreement]):
    academic_year = serializers.SerializerMethodField()
    strategic_functions: serializers.SlugRelatedField[StrategicFunction] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="slug"
    )
    aims: serializers.SlugRelatedField[Aim] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="number"
    )

    class Meta:
        model = Agreement
        fields = [
            "public_id",
            "academic_year",
            "strategic_functions",
            "aims",
            "commitments",
            "cash_pence",
            "in_kind_pence",
            "starts_on",
            "ends_on",
            "signed_by_name",
            "signed_by_role",
            "signed_on",
        ]

    def get_academic_year(self, agreement: Agreement) -> str:
        return academic_year.label(agreement.academic_year)

    def to_representation(self, instance: Agreement) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not self.context.get("sees_money"):
            data.pop("cash_pence")
            data.pop("in_kind_pence")
        return data


class PartnerSerializer(serializers.ModelSerializer[Partner]):
    local_authorities: serializers.SlugRelatedField[LocalAuthority] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="ons_code"
    )
    agreements = AgreementSerializer(many=True, read_only=True)

    class Meta:
        model = Partner
        fields = [
            "public_id",
            "name",
            "kind",
            "status",
            "local_authorities",
            "website",
            "archived_at",
            "agreements",
        ]
