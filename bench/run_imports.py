"""Benchmark: the GIAS and learners imports against a raw PostgreSQL COPY of the same rows.

DESIGN.md's target: "Imports: the GIAS extract (about 50,000 rows) and a 100,000-row learners file each
within 20 times the time of a raw PostgreSQL `COPY` of the same rows."

In one run, on PostgreSQL only, this script:

1. creates the database if it is missing, migrates it and loads the network seed (the 153 local authorities
   and 43 hub areas), and makes one Hertfordshire hub administrator, whom the learners import names as the
   person importing (the audit log records them, as on the Import learners page);
2. writes two invented files with a fixed random seed: a GIAS extract of --schools rows in Windows-1252 with
   every column of the real extract, spread over the real local authorities (by ONS and DfE code), and a
   learners file of --learners rows in the layout of tutti/learners/IMPORT.md for Hertfordshire, whose
   learners go to the generated schools of Hertfordshire (E10000015, DfE 919), with Faker's en_GB names;
3. times the services the management commands call (`school_register_import_file`, as `import_gias` runs
   it, and `learners_import`, as `import_learners` runs it), each into empty tables, counting the queries;
4. copies the rows the import stored (COPY ... TO STDOUT) and times a raw `COPY ... FROM STDIN` of them into
   a plain table with the same columns (CREATE TABLE ... LIKE, without indexes or constraints), created for
   the benchmark and dropped after; for the learners, into copies of the learners and guardians tables, as
   the import writes both;
5. does 3 and 4 twice each, keeps the better time of each, and prints the table and writes it into
   bench/RESULTS.md under "Imports against PostgreSQL COPY" (the rest of the file is kept).

    python bench/run_imports.py [--schools 50000] [--learners 100000]

DATABASE_URL chooses the database (default postgres://postgres@127.0.0.1:5432/tutti_bench_imports); it must
be PostgreSQL on the loopback interface. The script runs Django in its own process with production settings
(DEBUG off, so no query is logged in memory while it is timed). It is a measurement, not a test: it exits 0
whatever the ratios are, and 1 only when it could not run.
"""

import argparse
import csv
import datetime
import io
import os
import platform
import random
import secrets
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from results import write_section  # bench/results.py: the script's folder is on sys.path

ROOT = Path(__file__).resolve().parent.parent
BENCH_VAR = ROOT / "var" / "bench" / "imports"
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
HEADING = "# Imports against PostgreSQL COPY"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tutti_bench_imports"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TARGET_RATIO = 20.0
RUNS = 2
SEED = 20250422
HUB_SLUG = "hertfordshire"
HERTFORDSHIRE_ONS = "E10000015"
MINIMUM_HERTFORDSHIRE_SCHOOLS = 20
STATEMENT_TIMEOUT = "600s"  # no single statement of the benchmark may run longer than this
COPY_CHUNK = 1 << 20
BENCH_USER_EMAIL = "bench.importer@example.org"

# Every column of the GIAS establishment extract as downloaded since April 2025, in its order.
GIAS_COLUMNS = [
    "URN",
    "LA (code)",
    "LA (name)",
    "EstablishmentNumber",
    "EstablishmentName",
    "TypeOfEstablishment (code)",
    "TypeOfEstablishment (name)",
    "EstablishmentTypeGroup (code)",
    "EstablishmentTypeGroup (name)",
    "EstablishmentStatus (code)",
    "EstablishmentStatus (name)",
    "ReasonEstablishmentOpened (code)",
    "ReasonEstablishmentOpened (name)",
    "OpenDate",
    "ReasonEstablishmentClosed (code)",
    "ReasonEstablishmentClosed (name)",
    "CloseDate",
    "PhaseOfEducation (code)",
    "PhaseOfEducation (name)",
    "StatutoryLowAge",
    "StatutoryHighAge",
    "Boarders (code)",
    "Boarders (name)",
    "NurseryProvision (name)",
    "OfficialSixthForm (code)",
    "OfficialSixthForm (name)",
    "Gender (code)",
    "Gender (name)",
    "ReligiousCharacter (code)",
    "ReligiousCharacter (name)",
    "ReligiousEthos (name)",
    "Diocese (code)",
    "Diocese (name)",
    "AdmissionsPolicy (code)",
    "AdmissionsPolicy (name)",
    "SchoolCapacity",
    "SpecialClasses (code)",
    "SpecialClasses (name)",
    "CensusDate",
    "NumberOfPupils",
    "NumberOfBoys",
    "NumberOfGirls",
    "PercentageFSM",
    "TrustSchoolFlag (code)",
    "TrustSchoolFlag (name)",
    "Trusts (code)",
    "Trusts (name)",
    "SchoolSponsorFlag (name)",
    "SchoolSponsors (name)",
    "FederationFlag (name)",
    "Federations (code)",
    "Federations (name)",
    "UKPRN",
    "FEHEIdentifier",
    "FurtherEducationType (name)",
    "LastChangedDate",
    "Street",
    "Locality",
    "Address3",
    "Town",
    "County (name)",
    "Postcode",
    "SchoolWebsite",
    "TelephoneNum",
    "HeadTitle (name)",
    "HeadFirstName",
    "HeadLastName",
    "HeadPreferredJobTitle",
    "BSOInspectorateName (name)",
    "InspectorateReport",
    "DateOfLastInspectionVisit",
    "NextInspectionVisit",
    "TeenMoth (name)",
    "TeenMothPlaces",
    "CCF (name)",
    "SENPRU (name)",
    "EBD (name)",
    "PlacesPRU",
    "FTProv (name)",
    "EdByOther (name)",
    "Section41Approved (name)",
    "SEN1 (name)",
    "SEN2 (name)",
    "SEN3 (name)",
    "SEN4 (name)",
    "SEN5 (name)",
    "SEN6 (name)",
    "SEN7 (name)",
    "SEN8 (name)",
    "SEN9 (name)",
    "SEN10 (name)",
    "SEN11 (name)",
    "SEN12 (name)",
    "SEN13 (name)",
    "TypeOfResourcedProvision (name)",
    "ResourcedProvisionOnRoll",
    "ResourcedProvisionCapacity",
    "SenUnitOnRoll",
    "SenUnitCapacity",
    "GOR (code)",
    "GOR (name)",
    "DistrictAdministrative (code)",
    "DistrictAdministrative (name)",
    "AdministrativeWard (code)",
    "AdministrativeWard (name)",
    "ParliamentaryConstituency (code)",
    "ParliamentaryConstituency (name)",
    "UrbanRural (code)",
    "UrbanRural (name)",
    "GSSLACode (name)",
    "Easting",
    "Northing",
    "MSOA (name)",
    "LSOA (name)",
    "InspectorateName (name)",
    "SENStat",
    "SENNoStat",
    "BoardingEstablishment (name)",
    "PropsName",
    "PreviousLA (code)",
    "PreviousLA (name)",
    "PreviousEstablishmentNumber",
    "Country (name)",
    "UPRN",
    "SiteName",
    "QABName (code)",
    "QABName (name)",
    "EstablishmentAccredited (code)",
    "EstablishmentAccredited (name)",
    "QABReport",
    "CHNumber",
    "MSOA (code)",
    "LSOA (code)",
    "FSM",
    "AccreditationExpiryDate",
]

# (establishment type group, type of establishment, phase, low age, high age, name ending), as GIAS has them.
SCHOOL_KINDS = [
    ("Local authority maintained schools", "Community school", "Primary", 4, 11, "Primary School"),
    ("Local authority maintained schools", "Voluntary aided school", "Primary", 4, 11, "Primary School"),
    ("Local authority maintained schools", "Voluntary controlled school", "Primary", 4, 7, "Infant School"),
    ("Local authority maintained schools", "Community school", "Primary", 7, 11, "Junior School"),
    ("Local authority maintained schools", "Local authority nursery school", "Nursery", 2, 5, "Nursery School"),
    ("Academies", "Academy converter", "Primary", 4, 11, "Primary Academy"),
    ("Academies", "Academy converter", "Secondary", 11, 18, "Academy"),
    ("Academies", "Academy sponsor led", "Secondary", 11, 16, "High School"),
    ("Free Schools", "Free schools", "All-through", 4, 18, "Free School"),
    ("Special schools", "Community special school", "Not applicable", 3, 19, "Special School"),
    ("Independent schools", "Other independent school", "All-through", 3, 18, "School"),
    ("Colleges", "Further education", "16 plus", 16, 99, "College"),
    ("Local authority maintained schools", "Pupil referral unit", "Not applicable", 5, 16, "Education Centre"),
]
KIND_WEIGHTS = [20, 8, 5, 5, 1, 14, 6, 4, 2, 3, 5, 1, 1]
# Words for invented school names; the curly apostrophe and the accents are Windows-1252 characters, as in
# real GIAS names, so the file exercises the importer's decoding.
NAME_WORDS = [
    "St Mary\u2019s", "St Joseph\u2019s", "All Saints\u2019", "Holy Trinity", "Christ Church", "Oakfield", "Brookside",
    "Highfield", "Parkside", "Greenacre", "Riverside", "Meadowbank", "Hillcrest", "Woodlands", "Orchard",
    "Lycée Français", "Notre Dame", "Beechwood", "Fairfield", "Kingsmead", "Manor", "Abbey", "Westfield",
]  # fmt: skip
STATUSES = [("Open", 1), ("Closed", 2), ("Open, but proposed to close", 4), ("Proposed to open", 3)]
STATUS_WEIGHTS = [85, 10, 3, 2]
HERTFORDSHIRE_DISTRICTS = [
    "AL1", "AL3", "AL5", "AL7", "AL10", "EN6", "EN8", "EN11", "HP1", "HP4", "SG1", "SG2", "SG4",
    "SG5", "SG8", "SG12", "SG13", "SG14", "WD3", "WD6", "WD17", "WD23", "CM21", "CM23",
]  # fmt: skip
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
LEARNER_HEADERS = [
    "Forename", "Surname", "DOB", "School URN", "NC Year", "Postcode", "Gender", "Ethnicity", "SEN", "FSM",
    "Looked After", "Young Carer", "Guardian Name", "Guardian Relationship", "Guardian Email", "Guardian Phone",
    "Guardian Postcode",
]  # fmt: skip
ETHNICITIES = ["WBRI"] * 14 + [
    "WIRI", "WOTH", "WOTH", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "AIND", "APKN",
    "ABAN", "CHNE", "AOTH", "BCRB", "BAFR", "BAFR", "BOTH", "OOTH", "REFU", "NOBT",
]  # fmt: skip
GENDERS = ["F"] * 48 + ["M"] * 48 + ["Other", "Prefer not to say", "U", "U"]
SEN = ["N"] * 80 + ["K"] * 15 + ["E"] * 4 + ["Not known"]
YES_NO = ["N"] * 78 + ["Y"] * 20 + ["Prefer not to say", "Not known"]
LOOKED_AFTER = ["N"] * 96 + ["Y", "P", "P", "Not known"]
RELATIONSHIPS = ["Mother"] * 6 + ["Father"] * 3 + ["Parent", "Grandparent", "Step-parent", "Carer", "Foster carer"]


@dataclass
class Timing:
    """One import measured against the raw COPY of the rows it stored."""

    name: str
    rows: int
    stored: str
    import_seconds: list[float] = field(default_factory=list)
    copy_seconds: list[float] = field(default_factory=list)
    indexed_copy_seconds: list[float] = field(default_factory=list)
    queries: Counter[str] = field(default_factory=Counter)
    batches_expected: str = ""

    @property
    def best_import(self) -> float:
        return min(self.import_seconds)

    @property
    def best_copy(self) -> float:
        return min(self.copy_seconds)

    @property
    def best_indexed_copy(self) -> float:
        return min(self.indexed_copy_seconds)

    @property
    def ratio(self) -> float:
        return self.best_import / self.best_copy

    @property
    def meets(self) -> bool:
        return self.ratio <= TARGET_RATIO


# Preparing the database ------------------------------------------------------------------------------------


def check_database_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise SystemExit(f"DATABASE_URL must be a PostgreSQL address (postgres://...), not {parts.scheme}://")
    if parts.hostname not in LOOPBACK:
        raise SystemExit(f"DATABASE_URL must point at PostgreSQL on 127.0.0.1, not {parts.hostname}")
    if not parts.path.strip("/"):
        raise SystemExit("DATABASE_URL must name a database")


def create_database_if_missing(url: str) -> None:
    """Connect to the server's maintenance database and create the benchmark's database if it is not there."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.strip("/")
    maintenance = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            print(f"Creating database {name}", flush=True)
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def set_up_django(url: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "tutti.settings",
            "DATABASE_URL": url,
            "DEBUG": "0",  # production settings: no query log kept in memory while the imports are timed
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    print("$ manage.py migrate", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    print("$ manage.py load_network_seed", flush=True)
    call_command("load_network_seed", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = '{STATEMENT_TIMEOUT}'")


def bench_person() -> Any:
    """The Hertfordshire hub administrator the learners import names as the person importing."""
    from tutti.accounts.models import Membership, MembershipRole, Role, User
    from tutti.network.models import HubArea

    hub = HubArea.objects.get(slug=HUB_SLUG)
    user = User.objects.filter(email=BENCH_USER_EMAIL).first()
    if user is None:
        user = User.objects.create_user(BENCH_USER_EMAIL, first_name="Bench", last_name="Importer")
    membership, _ = Membership.objects.get_or_create(user=user, hub=hub)
    MembershipRole.objects.get_or_create(membership=membership, role=Role.HUB_ADMINISTRATOR)
    return user


# Generating the files --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Authority:
    ons_code: str
    dfe_code: str
    name: str
    districts: int
    easting: float
    northing: float


def authorities() -> list[Authority]:
    """The seed's local authorities with their label point on the British National Grid."""
    from pyproj import Transformer

    to_grid = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
    found = []
    with (ROOT / "tutti" / "network" / "seed" / "england_ctyua_2024.csv").open(encoding="utf-8") as seed:
        for row in csv.DictReader(seed):
            easting, northing = to_grid.transform(float(row["LABEL_LON"]), float(row["LABEL_LAT"]))
            found.append(
                Authority(row["CTYUA24CD"], row["DFE_LA_CODE"], row["CTYUA24NM"], int(row["N_LADS"]), easting, northing)
            )
    return found


def postcode(rng: random.Random, district: str) -> str:
    return f"{district} {rng.randint(1, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"


def filler(column: str, rng: random.Random) -> str:
    """A short plausible value for a column the importer does not read, so lines are as long as real ones."""
    if column.endswith("(code)"):
        return str(rng.randint(0, 9))
    if column.endswith("(name)"):
        return rng.choice(["Not applicable", "Does not apply", "Mixed", "None", ""])
    return ""


def write_gias(path: Path, *, count: int, las: list[Authority]) -> list[int]:
    """A GIAS-shaped extract of `count` schools; returns the URNs of Hertfordshire's open schools."""
    rng = random.Random(SEED)  # noqa: S311 - invented data, the same on every run
    chosen = rng.choices(las, weights=[la.districts for la in las], k=count)
    hertfordshire = next(la for la in las if la.ons_code == HERTFORDSHIRE_ONS)
    short = max(0, min(count, MINIMUM_HERTFORDSHIRE_SCHOOLS) - chosen.count(hertfordshire))
    for index in range(short):  # a small run still gives the learners a few Hertfordshire schools
        chosen[index * 2] = hertfordshire
    herts_open: list[int] = []
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(GIAS_COLUMNS)
    urn = 100000
    for la in chosen:
        urn += rng.randint(1, 3)
        group, kind, phase, low, high, ending = rng.choices(SCHOOL_KINDS, weights=KIND_WEIGHTS)[0]
        status, status_code = rng.choices(STATUSES, weights=STATUS_WEIGHTS)[0]
        opened = datetime.date(rng.randint(1950, 2023), 9, 1)
        closed = datetime.date(rng.randint(2010, 2024), 8, 31) if status == "Closed" else None
        name = f"{rng.choice(NAME_WORDS)} {ending}" if rng.random() < 0.6 else f"{la.name} {ending}"
        district = (
            rng.choice(HERTFORDSHIRE_DISTRICTS) if la is hertfordshire else f"{la.name[0].upper()}N{rng.randint(1, 40)}"
        )
        pupils = rng.randint(20, 1800) if rng.random() < 0.9 else ""
        values = {column: filler(column, rng) for column in GIAS_COLUMNS}
        values.update(
            {
                "URN": str(urn),
                "LA (code)": la.dfe_code,
                "LA (name)": la.name,
                "EstablishmentNumber": str(rng.randint(1000, 7999)),
                "EstablishmentName": name,
                "TypeOfEstablishment (name)": kind,
                "EstablishmentTypeGroup (name)": group,
                "EstablishmentStatus (code)": str(status_code),
                "EstablishmentStatus (name)": status,
                "OpenDate": opened.strftime("%d-%m-%Y"),
                "CloseDate": closed.strftime("%d-%m-%Y") if closed else "",
                "PhaseOfEducation (name)": phase,
                "StatutoryLowAge": str(low),
                "StatutoryHighAge": str(high),
                "NumberOfPupils": str(pupils),
                "PercentageFSM": f"{rng.uniform(0, 60):.1f}" if rng.random() < 0.9 else "SUPP",
                "Town": la.name,
                "Postcode": postcode(rng, district),
                "SchoolWebsite": f"www.school{urn}.sch.uk" if rng.random() < 0.8 else "",
                "TelephoneNum": f"01632 {rng.randint(960000, 960999)}",
                "GSSLACode (name)": la.ons_code,
                "Easting": str(round(la.easting + rng.uniform(-8000, 8000))),
                "Northing": str(round(la.northing + rng.uniform(-8000, 8000))),
                "CensusDate": "16-01-2025",
                "LastChangedDate": "22-04-2025",
            }
        )
        writer.writerow([values[column] for column in GIAS_COLUMNS])
        if la is hertfordshire and status == "Open":
            herts_open.append(urn)
    path.write_bytes(out.getvalue().encode("cp1252"))
    return herts_open


def write_learners(path: Path, *, count: int, school_urns: list[int]) -> None:
    """A learners file of `count` different children of Hertfordshire's schools, with one guardian each."""
    from faker import Faker

    if not school_urns:
        raise SystemExit("The generated GIAS file has no open Hertfordshire school for the learners")
    fake = Faker("en_GB")
    fake.seed_instance(SEED)
    rng = random.Random(SEED + 1)  # noqa: S311 - invented data, the same on every run
    # Faker's en_GB lists, drawn in a fixed order; the dictionaries keep the first appearance of each name.
    first_names = list(dict.fromkeys(fake.first_name() for _ in range(5000)))
    last_names = list(dict.fromkeys(fake.last_name() for _ in range(5000)))
    earliest = datetime.date(2008, 9, 1).toordinal()
    latest = datetime.date(2020, 8, 31).toordinal()
    seen: set[tuple[str, str, int, int]] = set()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(LEARNER_HEADERS)
    written = 0
    while written < count:
        first, last = rng.choice(first_names), rng.choice(last_names)
        born, school = rng.randint(earliest, latest), rng.choice(school_urns)
        if (first, last, born, school) in seen:
            continue  # the import refuses the same child twice in one file
        seen.add((first, last, born, school))
        birthday = datetime.date.fromordinal(born)
        # NC Year from the date of birth: a child born September-August starts Reception at 4.
        year = max(0, min(13, 2025 - (birthday.year + (1 if birthday.month >= 9 else 0)) - 5))
        home = postcode(rng, rng.choice(HERTFORDSHIRE_DISTRICTS))
        guardian_first = rng.choice(first_names)
        writer.writerow(
            [
                first,
                last,
                birthday.strftime("%d/%m/%Y"),
                school,
                "R" if year == 0 else str(year),
                home,
                rng.choice(GENDERS),
                rng.choice(ETHNICITIES),
                rng.choice(SEN),
                rng.choice(YES_NO),
                rng.choice(LOOKED_AFTER),
                rng.choice(YES_NO),
                f"{guardian_first} {last}",
                rng.choice(RELATIONSHIPS),
                f"{guardian_first}.{last}.{written}@example.org".lower().replace(" ", "").replace("'", ""),
                f"07700 {rng.randint(900000, 900999)}",
                home,
            ]
        )
        written += 1
    path.write_text(out.getvalue(), encoding="utf-8")


# Measuring -------------------------------------------------------------------------------------------------


@contextmanager
def counting_queries(counter: Counter[str]) -> Iterator[None]:
    """Count every statement Django sends, by its first word (SELECT, INSERT, ...), at almost no cost."""
    from django.db import connection

    def count(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        counter[sql.lstrip().split(None, 1)[0].upper()] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield


def empty_tables(*models: Any) -> None:
    """TRUNCATE the import's target tables (this database is the benchmark's own) and refresh statistics."""
    from django.db import connection

    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


def stored_columns(model: Any) -> list[str]:
    """The columns an import writes: every column but the generated id."""
    return [f.column for f in model._meta.concrete_fields if not f.primary_key]


def export_rows(url: str, model: Any) -> bytes:
    """The rows the import stored, in COPY's text format."""
    import psycopg
    from psycopg import sql

    columns = sql.SQL(", ").join(map(sql.Identifier, stored_columns(model)))
    query = sql.SQL("COPY (SELECT {} FROM {}) TO STDOUT").format(columns, sql.Identifier(model._meta.db_table))
    buffer = bytearray()
    with psycopg.connect(url) as connection, connection.cursor() as cursor, cursor.copy(query) as copy:
        for chunk in copy:
            buffer += chunk
    return bytes(buffer)


def timed_copy(url: str, loads: list[tuple[Any, bytes]], *, with_indexes: bool = False) -> float:
    """Seconds to COPY each payload into a fresh plain table with its model's columns, committed; the tables
    are created before the clock starts and dropped after it stops. ``with_indexes`` gives the tables the
    target's indexes, primary key, unique and check constraints too (not its foreign keys), to show how much
    of an import's time is index upkeep that any way of writing the rows pays."""
    import psycopg
    from psycopg import sql

    names = [sql.Identifier(f"bench_copy_{model._meta.db_table}") for model, _ in loads]
    with psycopg.connect(url, options=f"-c statement_timeout={STATEMENT_TIMEOUT}") as connection:
        with connection.transaction():
            for name, (model, _) in zip(names, loads, strict=True):
                connection.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(name))
                connection.execute(
                    sql.SQL("CREATE TABLE {} (LIKE {} {})").format(
                        name,
                        sql.Identifier(model._meta.db_table),
                        sql.SQL("INCLUDING ALL" if with_indexes else "INCLUDING DEFAULTS INCLUDING IDENTITY"),
                    )
                )
        started = time.perf_counter()
        with connection.transaction(), connection.cursor() as cursor:
            for name, (model, payload) in zip(names, loads, strict=True):
                columns = sql.SQL(", ").join(map(sql.Identifier, stored_columns(model)))
                with cursor.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(name, columns)) as copy:
                    view = memoryview(payload)
                    for start in range(0, len(view), COPY_CHUNK):
                        copy.write(view[start : start + COPY_CHUNK])
        seconds = time.perf_counter() - started
        for name, (_model, payload) in zip(names, loads, strict=True):
            copied = connection.execute(sql.SQL("SELECT count(*) FROM {}").format(name)).fetchone()
            expected = payload.count(b"\n")
            if not copied or copied[0] != expected:
                raise RuntimeError(f"COPY stored {copied} rows, not {expected}")
        with connection.transaction():
            for name in names:
                connection.execute(sql.SQL("DROP TABLE {}").format(name))
    return seconds


def bench_gias(url: str, path: Path, rows: int) -> Timing:
    from tutti.schools.models import School
    from tutti.schools.services.register import school_register_import_file

    timing = Timing("GIAS extract", rows, "schools_school")
    for run in range(1, RUNS + 1):
        empty_tables(School)
        counter: Counter[str] = Counter()
        started = time.perf_counter()
        with counting_queries(counter):
            result = school_register_import_file(path=path)
        timing.import_seconds.append(time.perf_counter() - started)
        if result.created != rows:
            raise RuntimeError(f"The GIAS import created {result.created} schools, not {rows}")
        timing.queries = counter
        print(f"  GIAS import, run {run}: {timing.import_seconds[-1]:.2f} s, {dict(counter)}", flush=True)
    timing.batches_expected = "new schools in one COPY"
    payload = export_rows(url, School)
    for run in range(1, RUNS + 1):
        timing.copy_seconds.append(timed_copy(url, [(School, payload)]))
        timing.indexed_copy_seconds.append(timed_copy(url, [(School, payload)], with_indexes=True))
        print(
            f"  COPY of the same schools, run {run}: {timing.copy_seconds[-1]:.3f} s "
            f"(into a table with the indexes: {timing.indexed_copy_seconds[-1]:.3f} s)",
            flush=True,
        )
    return timing


def bench_learners(url: str, path: Path, rows: int, person: Any) -> Timing:
    from tutti.learners.importing.run import learners_import
    from tutti.learners.models import Guardian, Learner, ReferenceSeries
    from tutti.network.models import HubArea

    hub = HubArea.objects.get(slug=HUB_SLUG)
    timing = Timing("Learners file", rows, "learners_learner + learners_guardian")
    for run in range(1, RUNS + 1):
        empty_tables(Guardian, Learner)
        ReferenceSeries.objects.filter(hub=hub).update(last_number=0)
        counter: Counter[str] = Counter()
        started = time.perf_counter()
        with counting_queries(counter):
            result = learners_import(hub=hub, data=path.read_bytes(), by=person)
        timing.import_seconds.append(time.perf_counter() - started)
        if not result.ok:
            raise RuntimeError("The learners import refused the file: " + "; ".join(map(str, result.errors[:5])))
        if result.created != rows or result.guardians_added != rows:
            raise RuntimeError(f"The learners import added {result.created} learners, not {rows}")
        timing.queries = counter
        print(f"  Learners import, run {run}: {timing.import_seconds[-1]:.2f} s, {dict(counter)}", flush=True)
    timing.batches_expected = "new learners in one COPY and their guardians in another"
    loads = [(Learner, export_rows(url, Learner)), (Guardian, export_rows(url, Guardian))]
    for run in range(1, RUNS + 1):
        timing.copy_seconds.append(timed_copy(url, loads))
        timing.indexed_copy_seconds.append(timed_copy(url, loads, with_indexes=True))
        print(
            f"  COPY of the same learners and guardians, run {run}: {timing.copy_seconds[-1]:.3f} s "
            f"(into tables with the indexes: {timing.indexed_copy_seconds[-1]:.3f} s)",
            flush=True,
        )
    return timing


# Reporting -------------------------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def postgres_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        row = cursor.fetchone()
    return str(row[0]) if row else "unknown"


def report(timings: list[Timing], *, command: str, sizes: dict[str, int], load_before: str) -> str:
    rows = []
    for timing in timings:
        queries = sum(timing.queries.values())
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(timing.queries.items()))
        rows.append(
            f"| {timing.name} | {timing.rows:,} | {timing.best_import:.2f} | {timing.rows / timing.best_import:,.0f} "
            f"| {timing.best_copy:.3f} | {timing.rows / timing.best_copy:,.0f} | {timing.ratio:.1f} "
            f"| {'meets' if timing.meets else '**misses**'} | {timing.best_indexed_copy:.3f} "
            f"| {timing.best_import / timing.best_indexed_copy:.1f} | {queries} ({kinds}) |"
        )
    runs = "; ".join(
        f"{timing.name}: import {', '.join(f'{s:.2f}' for s in timing.import_seconds)} s, "
        f"COPY {', '.join(f'{s:.3f}' for s in timing.copy_seconds)} s, "
        f"COPY with indexes {', '.join(f'{s:.3f}' for s in timing.indexed_copy_seconds)} s"
        for timing in timings
    )
    met = sum(timing.meets for timing in timings)
    lines = [
        HEADING,
        "",
        'Target (DESIGN.md): "the GIAS extract (about 50,000 rows) and a 100,000-row learners file each within 20 '
        'times the time of a raw PostgreSQL `COPY` of the same rows". Written by `bench/run_imports.py`; see '
        "bench/README.md.",
        "",
        f"- Date: {datetime.datetime.now(datetime.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Command: `{command}`",
        f"- Machine: {os.cpu_count()} CPU cores ({cpu_model()}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}",
        f"- Load average (1, 5, 15 min) before the run: {load_before}",
        f"- Database: PostgreSQL {postgres_version()} on 127.0.0.1, the benchmark's own database",
        f"- Files (invented, seed {SEED}): a GIAS extract of {sizes['schools']:,} schools (all {len(GIAS_COLUMNS)} "
        f"columns, Windows-1252) and a learners file of {sizes['learners']:,} Hertfordshire learners with a "
        "guardian each (UTF-8, 17 columns of IMPORT.md)",
        "- Import: the service the management command calls (`school_register_import_file`, "
        "`learners_import`), reading the file, checking every row and writing into empty tables, committed",
        "- COPY: `COPY ... FROM STDIN` (psycopg) of the rows the import stored, in COPY's text format, into a "
        "plain table with the same columns (no indexes), committed; for the learners file, the learners and "
        "the guardians, as the import writes both",
        "- COPY with indexes (for comparison only; the target is against the plain COPY): the same COPY into tables "
        "that also have the target's primary key, indexes, unique and check constraints (`LIKE ... INCLUDING ALL`, "
        "no foreign keys), which every way of writing the rows pays for",
        f"- Each was run {RUNS} times; the table shows the better time of each. All runs: {runs}",
        "",
        "| File | Rows | Import (s) | Import rows/s | COPY (s) | COPY rows/s | Import / COPY | Target (<= 20) "
        "| COPY with indexes (s) | Import / COPY with indexes | Queries of the second import |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|",
        *rows,
        "",
        f"**{met} of {len(timings)} imports meet the target.** The statement counts do not grow with the rows "
        + "(a COPY runs outside Django's statement hooks, so the table does not count it): "
        + "; ".join(f"{timing.name}: {timing.batches_expected}" for timing in timings)
        + ", the rest fixed.",
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--schools", type=int, default=50_000, help="rows of the GIAS extract (default 50000)")
    parser.add_argument("--learners", type=int, default=100_000, help="rows of the learners file (default 100000)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="the Markdown file to write the section into")
    args = parser.parse_args()
    if args.schools < 1 or args.learners < 1:
        parser.error("--schools and --learners must be at least 1")

    url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    check_database_url(url)
    load_before = ", ".join(f"{load:.2f}" for load in os.getloadavg())
    create_database_if_missing(url)
    set_up_django(url)
    person = bench_person()

    BENCH_VAR.mkdir(parents=True, exist_ok=True)
    gias_path = BENCH_VAR / "edubasealldata_bench.csv"
    learners_path = BENCH_VAR / "learners_bench.csv"
    started = time.perf_counter()
    herts_urns = write_gias(gias_path, count=args.schools, las=authorities())
    write_learners(learners_path, count=args.learners, school_urns=herts_urns)
    print(
        f"Wrote {args.schools:,} schools ({len(herts_urns)} open in Hertfordshire) and {args.learners:,} learners "
        f"in {time.perf_counter() - started:.1f} s",
        flush=True,
    )

    print("GIAS extract:", flush=True)
    gias = bench_gias(url, gias_path, args.schools)
    print("Learners file:", flush=True)
    learners = bench_learners(url, learners_path, args.learners, person)

    command = f"python bench/run_imports.py --schools {args.schools} --learners {args.learners}"
    section = report([gias, learners], command=command, sizes=vars(args), load_before=load_before)
    write_section(args.results, HEADING, section)
    print()
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
