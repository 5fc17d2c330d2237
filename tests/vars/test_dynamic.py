"""The 118 dynamic variables: every name exists and produces a string of Postman's shape.

The shapes come from Postman's documented descriptions and from values Newman 6.2.2 produced
(e.g. $randomPhoneNumberExt "43-830-443-5051", $randomDatePast "Sun Dec 14 2025 09:27:19
GMT+0000 (Coordinated Universal Time)", $randomLoremParagraphs joined by "\\n \\r")."""

from __future__ import annotations

import re
import time
import uuid
from datetime import datetime, timezone
from urllib.parse import unquote

import pytest

from runner.dynamic import GENERATORS, dynamic_names, resolve_dynamic

# The list from /work/shared/notes/newman-behaviour.md (Postman's documented set).
POSTMAN_NAMES = """
$guid $timestamp $isoTimestamp $randomInt $randomUUID $randomAlphaNumeric $randomBoolean $randomColor
$randomHexColor $randomAbbreviation $randomIP $randomIPV6 $randomMACAddress $randomPassword $randomLocale
$randomUserAgent $randomProtocol $randomSemver $randomEmail $randomExampleEmail $randomUserName $randomUrl
$randomDomainName $randomDomainSuffix $randomDomainWord $randomFirstName $randomLastName $randomFullName
$randomNamePrefix $randomNameSuffix $randomJobTitle $randomJobDescriptor $randomJobArea $randomJobType
$randomPhoneNumber $randomPhoneNumberExt $randomCity $randomStreetName $randomStreetAddress $randomCountry
$randomCountryCode $randomLatitude $randomLongitude $randomAvatarImage $randomImageUrl $randomAbstractImage
$randomAnimalsImage $randomBusinessImage $randomCatsImage $randomCityImage $randomFoodImage
$randomNightlifeImage $randomFashionImage $randomPeopleImage $randomNatureImage $randomSportsImage
$randomTransportImage $randomImageDataUri $randomBankAccount $randomBankAccountName $randomCreditCardMask
$randomBankAccountBic $randomBankAccountIban $randomTransactionType $randomCurrencyCode $randomCurrencyName
$randomCurrencySymbol $randomBitcoin $randomPrice $randomCompanyName $randomCompanySuffix $randomBs
$randomBsAdjective $randomBsBuzz $randomBsNoun $randomCatchPhrase $randomCatchPhraseAdjective
$randomCatchPhraseDescriptor $randomCatchPhraseNoun $randomDatabaseColumn $randomDatabaseType
$randomDatabaseCollation $randomDatabaseEngine $randomDatePast $randomDateFuture $randomDateRecent
$randomMonth $randomWeekday $randomAdjective $randomNoun $randomVerb $randomIngverb $randomPhrase
$randomWord $randomWords $randomLoremWord $randomLoremWords $randomLoremSentence $randomLoremSentences
$randomLoremParagraph $randomLoremParagraphs $randomLoremText $randomLoremSlug $randomLoremLines
$randomDepartment $randomProductName $randomProductAdjective $randomProductMaterial $randomProduct
$randomFileName $randomCommonFileName $randomMimeType $randomCommonFileType $randomCommonFileExt
$randomFileType $randomFileExt $randomDirectoryPath $randomFilePath
""".split()

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
JS_DATE = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} \d{4} " \
          r"\d{2}:\d{2}:\d{2} GMT\+0000 \(Coordinated Universal Time\)"
IMAGE = r"http://placeimg\.com/640/480/"
SHAPES = {
    "$guid": UUID, "$randomUUID": UUID,
    "$timestamp": r"\d{10}",
    "$isoTimestamp": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z",
    "$randomInt": r"\d{1,4}",
    "$randomAlphaNumeric": r"[a-z0-9]",
    "$randomBoolean": r"true|false",
    "$randomHexColor": r"#[0-9a-f]{6}",
    "$randomAbbreviation": r"[A-Z0-9]{2,5}",
    "$randomIP": r"(\d{1,3}\.){3}\d{1,3}",
    "$randomIPV6": r"([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}",
    "$randomMACAddress": r"([0-9a-f]{2}:){5}[0-9a-f]{2}",
    "$randomPassword": r"[A-Za-z0-9]{15}",
    "$randomLocale": r"[a-z]{2}",  # Newman gave "en", "bs"
    "$randomUserAgent": r"Mozilla/5\.0 .+|Opera/.+",
    "$randomProtocol": r"https?",
    "$randomSemver": r"\d\.\d\.\d",
    "$randomEmail": r"[^@\s]+@[a-z0-9.-]+\.[a-z]+",
    "$randomExampleEmail": r"[^@\s]+@example\.(com|net|org)",
    "$randomUserName": r"\S+",
    "$randomUrl": r"https?://[a-z0-9.-]+\.[a-z]+",
    "$randomDomainName": r"[a-z0-9.-]+\.[a-z]+",
    "$randomDomainSuffix": r"[a-z]{2,}",
    "$randomDomainWord": r"[a-z0-9-]+",
    "$randomPhoneNumber": r"[2-9]\d{2}-\d{3}-\d{4}",
    "$randomPhoneNumberExt": r"\d{1,2}-[2-9]\d{2}-\d{3}-\d{4}",
    "$randomCountryCode": r"[A-Z]{2}",
    "$randomLatitude": r"-?\d{1,2}\.\d{4}",
    "$randomLongitude": r"-?\d{1,3}\.\d{4}",
    "$randomStreetAddress": r"\d+ .+",
    "$randomAvatarImage": r"https://cdn\.fakercloud\.com/avatars/\S+_128\.jpg",
    "$randomImageUrl": r"http://placeimg\.com/640/480",
    "$randomImageDataUri": r"data:image/svg\+xml;charset=UTF-8,%3Csvg%20.+%3C%2Fsvg%3E",
    "$randomBankAccount": r"\d{8}",
    "$randomBankAccountName": r"[A-Za-z ]+ Account",
    "$randomCreditCardMask": r"\d{4}",
    "$randomBankAccountBic": r"[A-Z]{6}[A-Z0-9]{2}",
    "$randomBankAccountIban": r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}",
    "$randomTransactionType": r"deposit|withdrawal|payment|invoice",
    "$randomCurrencyCode": r"[A-Z]{3}",
    "$randomBitcoin": r"[13][1-9A-HJ-NP-Za-km-z]{24,33}",
    "$randomPrice": r"\d{1,4}\.\d{2}",
    "$randomDatePast": JS_DATE, "$randomDateFuture": JS_DATE, "$randomDateRecent": JS_DATE,
    "$randomMonth": r"January|February|March|April|May|June|July|August|September|October|November|December",
    "$randomWeekday": r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
    "$randomLoremWord": r"[a-z]+",
    "$randomLoremWords": r"[a-z]+ [a-z]+ [a-z]+",
    "$randomLoremSentence": r"[A-Z][a-z]*( [a-z]+)+\.",
    "$randomLoremSlug": r"[a-z]+-[a-z]+-[a-z]+",
    "$randomLoremLines": r"[A-Z][a-z ]+\.(\n[A-Z][a-z ]+\.){0,4}",
    "$randomLoremParagraphs": r"[^\n]+\n \r[^\n]+\n \r[^\n]+",
    "$randomMimeType": r"[a-z]+/[A-Za-z0-9.+-]+",
    "$randomFileName": r"[a-z_]+\.[a-z0-9]+",
    "$randomCommonFileName": r"[a-z_]+\.[a-z0-9]+",
    "$randomFileExt": r"[a-z0-9]+",
    "$randomCommonFileExt": r"[a-z0-9]+",
    "$randomFileType": r"[a-z]+",
    "$randomCommonFileType": r"video|audio|image|text|application",
    "$randomDirectoryPath": r"(/[A-Za-z0-9]+)+",
    "$randomFilePath": r"(/[A-Za-z0-9]+)+/[a-z_]+\.[a-z0-9]+",
}
IMAGE_CATEGORIES = ["abstract", "animals", "business", "cats", "city", "food", "nightlife", "fashion", "people",
                    "nature", "sports", "transport"]
SHAPES.update({f"$random{c.capitalize()}Image": IMAGE + c for c in IMAGE_CATEGORIES})


def test_all_118_names_exist():
    assert len(POSTMAN_NAMES) == 118
    assert sorted(dynamic_names()) == sorted(POSTMAN_NAMES)
    assert len(GENERATORS) == 118


@pytest.mark.parametrize("name", POSTMAN_NAMES)
def test_each_produces_a_non_empty_string_of_the_right_shape(name):
    for _ in range(5):  # several draws: random shapes must hold every time
        value = resolve_dynamic(name)
        assert isinstance(value, str) and value.strip(), name
        if name in SHAPES:
            assert re.fullmatch(SHAPES[name], value), (name, value)


def test_shape_table_covers_the_structured_ones():
    assert set(SHAPES) <= set(POSTMAN_NAMES)  # a misspelt key would silently check nothing
    assert len(SHAPES) >= 70


def test_unknown_name_is_none():
    assert resolve_dynamic("$randomNope") is None
    assert resolve_dynamic("guid") is None


def test_values_are_fresh():
    assert len({resolve_dynamic("$guid") for _ in range(20)}) == 20
    assert len({resolve_dynamic("$randomInt") for _ in range(50)}) > 5


def test_random_int_range_and_boolean_both_values():
    ints = [int(resolve_dynamic("$randomInt")) for _ in range(300)]
    assert min(ints) >= 0 and max(ints) <= 1000
    assert {resolve_dynamic("$randomBoolean") for _ in range(100)} == {"true", "false"}


def test_timestamps_are_now():
    before = int(time.time())
    stamp = int(resolve_dynamic("$timestamp"))
    iso = datetime.strptime(resolve_dynamic("$isoTimestamp"), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    after = int(time.time())
    assert before <= stamp <= after
    assert before - 1 <= iso.timestamp() <= after + 1


def test_guid_is_uuid4():
    assert uuid.UUID(resolve_dynamic("$guid")).version == 4


def test_dates_are_in_the_right_direction():
    now = datetime.now(timezone.utc).timestamp()

    def parse(name: str) -> float:
        text = resolve_dynamic(name).split(" GMT")[0]
        return datetime.strptime(text, "%a %b %d %Y %H:%M:%S").replace(tzinfo=timezone.utc).timestamp()

    assert now - 366 * 86400 <= parse("$randomDatePast") <= now + 1
    assert now - 1 <= parse("$randomDateFuture") <= now + 366 * 86400
    assert now - 86400 - 1 <= parse("$randomDateRecent") <= now + 1


def test_image_data_uri_is_a_sized_svg():
    svg = unquote(resolve_dynamic("$randomImageDataUri").split(",", 1)[1])
    assert svg.startswith("<svg") and 'width="640"' in svg and 'height="480"' in svg and svg.endswith("</svg>")


def test_lorem_lines_are_one_to_five_lines():
    counts = {resolve_dynamic("$randomLoremLines").count("\n") + 1 for _ in range(200)}
    assert counts <= {1, 2, 3, 4, 5} and len(counts) > 1
