"""Postman's 118 dynamic variables (``{{$guid}}``, ``{{$randomEmail}}``, ...), generated with Faker.

Why one small function per name: each variable has a documented *shape* that collections
rely on (``$timestamp`` is unix seconds, ``$randomInt`` is 0..1000, ``$randomHexColor``
is ``#rrggbb``), and keeping them apart makes every shape testable on its own.
Values are always strings: that is what substitution puts on the wire.

Where Postman's generator is broken (its ``$randomImageDataUri`` yields an SVG of size
"undefinedxundefined") we produce the intended value, a 640x480 SVG data URI. The
``placeimg.com`` and ``cdn.fakercloud.com`` image URLs are kept in Postman's format even
though those services are gone: collections may match on the format, never on the image.
"""

from __future__ import annotations

import random
import string
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Any
from urllib.parse import quote

_rand = random.SystemRandom()


@cache
def _faker() -> Any:
    """Faker, created on first use: importing it costs ~80 ms that runs without dynamic variables skip."""
    from faker import Faker

    return Faker("en_US")


@cache
def _latin() -> list[str]:
    from faker.providers.lorem.la import Provider as LatinLorem

    return list(LatinLorem.word_list)

# Small vocabularies of our own for the categories Faker's en_US provider does not have.
_ABBREVIATIONS = ["ADP", "AGP", "AI", "API", "CSS", "EXE", "FTP", "GB", "HDD", "HTTP", "IB", "JBOD", "JSON",
                  "PCI", "PNG", "RAM", "RSS", "SAS", "SCSI", "SDD", "SMS", "SMTP", "SQL", "SSD", "SSL",
                  "TCP", "THX", "TLS", "UDP", "USB", "UTF8", "XML", "XSS"]
_TECH_ADJECTIVES = ["auxiliary", "primary", "back-end", "digital", "open-source", "virtual", "cross-platform",
                    "redundant", "online", "haptic", "multi-byte", "bluetooth", "wireless", "1080p",
                    "neural", "optical", "solid state", "mobile"]
_TECH_NOUNS = ["driver", "protocol", "bandwidth", "panel", "microchip", "program", "port", "card", "array",
               "interface", "system", "sensor", "firewall", "hard drive", "pixel", "alarm", "feed",
               "monitor", "application", "transmitter", "bus", "circuit", "capacitor", "matrix"]
_TECH_VERBS = ["back up", "bypass", "hack", "override", "compress", "copy", "navigate", "index", "connect",
               "generate", "quantify", "calculate", "synthesize", "input", "transmit", "program",
               "reboot", "parse"]
_TECH_INGVERBS = ["backing up", "bypassing", "hacking", "overriding", "compressing", "copying", "navigating",
                  "indexing", "connecting", "generating", "quantifying", "calculating", "synthesizing",
                  "transmitting", "programming", "parsing"]
_DB_COLUMNS = ["id", "title", "name", "email", "phone", "token", "group", "category", "password", "comment",
               "avatar", "status", "createdAt", "updatedAt"]
_DB_TYPES = ["int", "varchar", "text", "date", "datetime", "tinyint", "time", "timestamp", "smallint",
             "mediumint", "bigint", "decimal", "float", "double", "real", "bit", "boolean", "serial",
             "blob", "binary", "enum", "set", "geometry", "point"]
_DB_COLLATIONS = ["utf8_unicode_ci", "utf8_general_ci", "utf8_bin", "ascii_bin", "ascii_general_ci",
                  "cp1250_bin", "cp1250_general_ci"]
_DB_ENGINES = ["InnoDB", "MyISAM", "MEMORY", "CSV", "BLACKHOLE", "ARCHIVE"]
_JOB_DESCRIPTORS = ["Lead", "Senior", "Direct", "Corporate", "Dynamic", "Future", "Product", "National",
                    "Regional", "District", "Central", "Global", "Customer", "Investor", "Dynamic",
                    "International", "Legacy", "Forward", "Internal", "Human", "Chief", "Principal"]
_JOB_AREAS = ["Solutions", "Program", "Brand", "Security", "Research", "Marketing", "Directives",
              "Implementation", "Integration", "Functionality", "Response", "Paradigm", "Tactics",
              "Identity", "Markets", "Group", "Division", "Applications", "Optimization", "Operations",
              "Infrastructure", "Intranet", "Communications", "Web", "Branding", "Quality", "Assurance",
              "Mobility", "Accounts", "Data", "Creative", "Configuration", "Accountability",
              "Interactions", "Factors", "Usability", "Metrics"]
_JOB_TYPES = ["Supervisor", "Associate", "Executive", "Liaison", "Officer", "Manager", "Engineer",
              "Specialist", "Director", "Coordinator", "Administrator", "Architect", "Analyst", "Designer",
              "Planner", "Orchestrator", "Technician", "Developer", "Producer", "Consultant", "Assistant",
              "Facilitator", "Agent", "Representative", "Strategist"]
_DEPARTMENTS = ["Books", "Movies", "Music", "Games", "Electronics", "Computers", "Home", "Garden", "Tools",
                "Grocery", "Health", "Beauty", "Toys", "Kids", "Baby", "Clothing", "Shoes", "Jewelery",
                "Sports", "Outdoors", "Automotive", "Industrial"]
_PRODUCT_ADJECTIVES = ["Small", "Ergonomic", "Rustic", "Intelligent", "Gorgeous", "Incredible", "Fantastic",
                       "Practical", "Sleek", "Awesome", "Generic", "Handcrafted", "Handmade", "Licensed",
                       "Refined", "Unbranded", "Tasty"]
_PRODUCT_MATERIALS = ["Steel", "Wooden", "Concrete", "Plastic", "Cotton", "Granite", "Rubber", "Metal",
                      "Soft", "Fresh", "Frozen"]
_PRODUCTS = ["Chair", "Car", "Computer", "Keyboard", "Mouse", "Bike", "Ball", "Gloves", "Pants", "Shirt",
             "Table", "Shoes", "Hat", "Towels", "Soap", "Tuna", "Chicken", "Fish", "Cheese", "Bacon",
             "Pizza", "Salad", "Sausages", "Chips"]
_CATCH_ADJECTIVES = ["Adaptive", "Advanced", "Ameliorated", "Assimilated", "Automated", "Balanced",
                     "Centralized", "Configurable", "Customizable", "Decentralized", "Distributed",
                     "Enhanced", "Ergonomic", "Fundamental", "Innovative", "Integrated", "Managed",
                     "Multi-layered", "Open-source", "Optimized", "Proactive", "Re-engineered",
                     "Reduced", "Robust", "Seamless", "Self-enabling", "Streamlined", "Synergized",
                     "Total", "Universal", "User-friendly", "Versatile", "Virtual", "Vision-oriented"]
_CATCH_DESCRIPTORS = ["24 hour", "24/7", "3rd generation", "actuating", "analyzing", "asymmetric",
                      "bi-directional", "client-driven", "contextually-based", "dedicated", "discrete",
                      "dynamic", "executive", "global", "heuristic", "holistic", "homogeneous",
                      "interactive", "local", "logistical", "methodical", "mission-critical", "modular",
                      "multimedia", "optimizing", "real-time", "responsive", "scalable", "static",
                      "systematic", "tangible", "transitional", "well-modulated", "zero defect"]
_CATCH_NOUNS = ["ability", "access", "adapter", "algorithm", "alliance", "analyzer", "application",
                "approach", "architecture", "archive", "array", "attitude", "benchmark",
                "budgetary management", "capability", "circuit", "collaboration", "complexity", "concept",
                "core", "database", "definition", "emulation", "encoding", "firmware", "flexibility",
                "focus group", "framework", "function", "hardware", "help-desk", "hierarchy", "hub",
                "implementation", "infrastructure", "initiative", "interface", "knowledge base",
                "matrix", "methodology", "middleware", "model", "moderator", "monitoring", "neural-net",
                "paradigm", "policy", "portal", "product", "project", "protocol", "service-desk",
                "software", "solution", "standardization", "strategy", "structure", "success",
                "synergy", "system engine", "task-force", "throughput", "time-frame", "toolset",
                "utilisation", "website", "workforce"]
_BS_ADJECTIVES = ["clicks-and-mortar", "value-added", "vertical", "proactive", "robust", "revolutionary",
                  "scalable", "leading-edge", "innovative", "intuitive", "strategic", "e-business",
                  "mission-critical", "sticky", "one-to-one", "24/7", "end-to-end", "global", "B2B",
                  "B2C", "granular", "frictionless", "virtual", "viral", "dynamic", "best-of-breed",
                  "killer", "magnetic", "bleeding-edge", "web-enabled", "interactive", "dot-com",
                  "sexy", "back-end", "real-time", "efficient", "front-end", "distributed", "seamless",
                  "extensible", "turn-key", "world-class", "open-source", "cross-platform",
                  "synergistic", "enterprise", "integrated", "wireless", "transparent", "next-generation",
                  "cutting-edge", "visionary", "plug-and-play", "collaborative", "holistic", "rich"]
_BS_BUZZ = ["synergize", "strategize", "empower", "embrace", "enable", "orchestrate", "leverage",
            "streamline", "cultivate", "facilitate", "maximize", "repurpose", "exploit", "expedite",
            "grow", "iterate", "transition", "reinvent", "revolutionize", "generate", "harness",
            "integrate", "mesh", "monetize", "morph", "redefine", "scale", "seize", "syndicate",
            "target", "transform", "unleash", "utilize", "visualize", "whiteboard", "aggregate",
            "architect", "benchmark", "brand", "deliver", "deploy", "disintermediate", "drive",
            "e-enable", "engage", "engineer", "enhance", "envisioneer", "evolve", "extend", "implement",
            "incentivize", "incubate", "innovate", "matrix", "optimize", "recontextualize"]
_BS_NOUNS = ["synergies", "web-readiness", "paradigms", "markets", "partnerships", "infrastructures",
             "platforms", "initiatives", "channels", "eyeballs", "communities", "ROI", "solutions",
             "e-tailers", "e-services", "action-items", "portals", "niches", "technologies", "content",
             "vortals", "supply-chains", "convergence", "relationships", "architectures", "interfaces",
             "e-markets", "e-commerce", "systems", "bandwidth", "infomediaries", "models", "mindshare",
             "deliverables", "users", "schemas", "networks", "applications", "metrics", "e-business",
             "functionalities", "experiences", "web services", "methodologies"]
_BANK_ACCOUNT_NAMES = ["Checking", "Savings", "Money Market", "Investment", "Home Loan", "Credit Card",
                       "Auto Loan", "Personal Loan"]
_TRANSACTION_TYPES = ["deposit", "withdrawal", "payment", "invoice"]
_LOCALES = ["af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo", "es", "et",
            "eu", "fa", "fi", "fr", "ga", "gl", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "kk",
            "ko", "lt", "lv", "mk", "ms", "nb", "ne", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv",
            "sw", "ta", "th", "tr", "uk", "ur", "uz", "vi", "zh"]
_COMMON_FILE_TYPES = ["video", "audio", "image", "text", "application"]
_COMMON_FILE_EXTS = ["pdf", "mpeg", "wav", "png", "jpeg", "gif", "mp4v", "mpga", "mp4", "txt", "html",
                     "json", "csv", "zip"]
_FILE_TYPES = ["application", "audio", "image", "message", "model", "multipart", "text", "video"]
_DIRECTORIES = ["/bin", "/boot", "/dev", "/etc", "/etc/defaults", "/etc/mail", "/etc/namedb",
                "/etc/periodic", "/etc/ppp", "/home", "/home/user", "/home/user/dir", "/lib", "/Library",
                "/mnt", "/net", "/opt", "/opt/bin", "/opt/include", "/opt/lib", "/opt/sbin",
                "/opt/share", "/private", "/private/tmp", "/private/var", "/proc", "/root", "/sbin",
                "/srv", "/sys", "/System", "/tmp", "/Users", "/usr", "/usr/X11R6", "/usr/bin",
                "/usr/include", "/usr/lib", "/usr/libdata", "/usr/libexec", "/usr/local/bin",
                "/usr/local/src", "/usr/obj", "/usr/ports", "/usr/sbin", "/usr/share", "/usr/src",
                "/var", "/var/log", "/var/mail", "/var/spool", "/var/tmp", "/var/yp"]
_IMAGE_CATEGORIES = {
    "$randomAbstractImage": "abstract", "$randomAnimalsImage": "animals", "$randomBusinessImage": "business",
    "$randomCatsImage": "cats", "$randomCityImage": "city", "$randomFoodImage": "food",
    "$randomNightlifeImage": "nightlife", "$randomFashionImage": "fashion", "$randomPeopleImage": "people",
    "$randomNatureImage": "nature", "$randomSportsImage": "sports", "$randomTransportImage": "transport",
}
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _pick(items: list[str]) -> str:
    return _rand.choice(items)


def _js_date(moment: datetime) -> str:
    """JavaScript's ``Date.prototype.toString()`` in UTC, the format Postman's date variables use."""
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%a %b %d %Y %H:%M:%S") + " GMT+0000 (Coordinated Universal Time)"


def _seconds(days: float) -> timedelta:
    return timedelta(seconds=_rand.uniform(1, days * 86400))


def _phone() -> str:
    return f"{_rand.randint(2, 9)}{_rand.randint(0, 99):02d}-{_rand.randint(0, 999):03d}-{_rand.randint(0, 9999):04d}"


def _latin_words(count: int) -> list[str]:
    return [_pick(_latin()) for _ in range(count)]


def _latin_sentence() -> str:
    words = _latin_words(_rand.randint(3, 10))
    return " ".join(words).capitalize() + "."


def _latin_sentences(count: int | None = None) -> str:
    return " ".join(_latin_sentence() for _ in range(count or _rand.randint(2, 6)))


def _latin_paragraph() -> str:
    return _latin_sentences(_rand.randint(3, 6))


def _snake_words() -> str:
    return "_".join(w.lower() for w in _faker().words(_rand.randint(1, 3)))


def _image_data_uri() -> str:
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" version="1.1" baseProfile="full" width="640" height="480">'
           '<rect width="100%" height="100%" fill="grey"/>'
           '<text x="320" y="240" font-size="20" alignment-baseline="middle" text-anchor="middle" '
           'fill="white">640x480</text></svg>')
    return "data:image/svg+xml;charset=UTF-8," + quote(svg, safe="")


def _bitcoin() -> str:
    return _pick(["1", "3"]) + "".join(_rand.choice(_BASE58) for _ in range(_rand.randint(24, 33)))


def _lorem_text() -> str:
    return _rand.choice([lambda: _pick(_latin()), _latin_sentence, _latin_sentences, _latin_paragraph,
                         lambda: "\n".join(_latin_sentence() for _ in range(_rand.randint(1, 5)))])()


GENERATORS: dict[str, Callable[[], str]] = {
    # common
    "$guid": lambda: str(uuid.uuid4()),
    "$timestamp": lambda: str(int(time.time())),
    "$isoTimestamp": lambda: datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    "$randomUUID": lambda: str(uuid.uuid4()),
    # text, numbers and colors
    "$randomAlphaNumeric": lambda: _rand.choice(string.ascii_lowercase + string.digits),
    "$randomBoolean": lambda: _pick(["true", "false"]),
    "$randomInt": lambda: str(_rand.randint(0, 1000)),
    "$randomColor": lambda: _faker().safe_color_name(),
    "$randomHexColor": lambda: f"#{_rand.randint(0, 0xFFFFFF):06x}",
    "$randomAbbreviation": lambda: _pick(_ABBREVIATIONS),
    # internet and IP addresses
    "$randomIP": lambda: _faker().ipv4(),
    "$randomIPV6": lambda: _faker().ipv6(),
    "$randomMACAddress": lambda: _faker().mac_address(),
    "$randomPassword": lambda: "".join(_rand.choice(string.ascii_letters + string.digits) for _ in range(15)),
    "$randomLocale": lambda: _pick(_LOCALES),
    "$randomUserAgent": lambda: _faker().user_agent(),
    "$randomProtocol": lambda: _pick(["http", "https"]),
    "$randomSemver": lambda: f"{_rand.randint(0, 9)}.{_rand.randint(0, 9)}.{_rand.randint(0, 9)}",
    # names
    "$randomFirstName": lambda: _faker().first_name(),
    "$randomLastName": lambda: _faker().last_name(),
    "$randomFullName": lambda: _faker().name(),
    "$randomNamePrefix": lambda: _faker().prefix(),
    "$randomNameSuffix": lambda: _faker().suffix(),
    # profession
    "$randomJobArea": lambda: _pick(_JOB_AREAS),
    "$randomJobDescriptor": lambda: _pick(_JOB_DESCRIPTORS),
    "$randomJobTitle": lambda: f"{_pick(_JOB_DESCRIPTORS)} {_pick(_JOB_AREAS)} {_pick(_JOB_TYPES)}",
    "$randomJobType": lambda: _pick(_JOB_TYPES),
    # phone, address and location
    "$randomPhoneNumber": _phone,
    "$randomPhoneNumberExt": lambda: f"{_rand.randint(1, 99)}-{_phone()}",
    "$randomCity": lambda: _faker().city(),
    "$randomStreetName": lambda: _faker().street_name(),
    "$randomStreetAddress": lambda: f"{_rand.randint(1, 99999)} {_faker().street_name()}",
    "$randomCountry": lambda: _faker().country(),
    "$randomCountryCode": lambda: _faker().country_code(),
    "$randomLatitude": lambda: f"{_rand.uniform(-90, 90):.4f}",
    "$randomLongitude": lambda: f"{_rand.uniform(-180, 180):.4f}",
    # images
    "$randomAvatarImage": lambda: f"https://cdn.fakercloud.com/avatars/{_faker().user_name()}_128.jpg",
    "$randomImageUrl": lambda: "http://placeimg.com/640/480",
    **{name: (lambda c=category: f"http://placeimg.com/640/480/{c}") for name, category in _IMAGE_CATEGORIES.items()},
    "$randomImageDataUri": _image_data_uri,
    # finance
    "$randomBankAccount": lambda: f"{_rand.randint(0, 99_999_999):08d}",
    "$randomBankAccountName": lambda: f"{_pick(_BANK_ACCOUNT_NAMES)} Account",
    "$randomCreditCardMask": lambda: f"{_rand.randint(0, 9999):04d}",
    "$randomBankAccountBic": lambda: _faker().swift8(),
    "$randomBankAccountIban": lambda: _faker().iban(),
    "$randomTransactionType": lambda: _pick(_TRANSACTION_TYPES),
    "$randomCurrencyCode": lambda: _faker().currency_code(),
    "$randomCurrencyName": lambda: _faker().currency_name(),
    "$randomCurrencySymbol": lambda: _faker().currency_symbol(),
    "$randomBitcoin": _bitcoin,
    # business
    "$randomCompanyName": lambda: _faker().company(),
    "$randomCompanySuffix": lambda: _faker().company_suffix(),
    "$randomBs": lambda: f"{_pick(_BS_BUZZ)} {_pick(_BS_ADJECTIVES)} {_pick(_BS_NOUNS)}",
    "$randomBsAdjective": lambda: _pick(_BS_ADJECTIVES),
    "$randomBsBuzz": lambda: _pick(_BS_BUZZ),
    "$randomBsNoun": lambda: _pick(_BS_NOUNS),
    # catchphrases
    "$randomCatchPhrase": lambda: f"{_pick(_CATCH_ADJECTIVES)} {_pick(_CATCH_DESCRIPTORS)} {_pick(_CATCH_NOUNS)}",
    "$randomCatchPhraseAdjective": lambda: _pick(_CATCH_ADJECTIVES),
    "$randomCatchPhraseDescriptor": lambda: _pick(_CATCH_DESCRIPTORS),
    "$randomCatchPhraseNoun": lambda: _pick(_CATCH_NOUNS),
    # databases
    "$randomDatabaseColumn": lambda: _pick(_DB_COLUMNS),
    "$randomDatabaseType": lambda: _pick(_DB_TYPES),
    "$randomDatabaseCollation": lambda: _pick(_DB_COLLATIONS),
    "$randomDatabaseEngine": lambda: _pick(_DB_ENGINES),
    # dates (JavaScript Date strings, UTC)
    "$randomDatePast": lambda: _js_date(datetime.now(timezone.utc) - _seconds(365)),
    "$randomDateFuture": lambda: _js_date(datetime.now(timezone.utc) + _seconds(365)),
    "$randomDateRecent": lambda: _js_date(datetime.now(timezone.utc) - _seconds(1)),
    "$randomMonth": lambda: _faker().month_name(),
    "$randomWeekday": lambda: _faker().day_of_week(),
    # domains, emails and usernames
    "$randomDomainName": lambda: _faker().domain_name(),
    "$randomDomainSuffix": lambda: _faker().tld(),
    "$randomDomainWord": lambda: _faker().domain_word(),
    "$randomEmail": lambda: _faker().free_email(),
    "$randomExampleEmail": lambda: f"{_faker().user_name()}@example.{_pick(['com', 'net', 'org'])}",
    "$randomUserName": lambda: _faker().user_name(),
    "$randomUrl": lambda: f"{_pick(['http', 'https'])}://{_faker().domain_name()}",
    # hacker speak
    "$randomAdjective": lambda: _pick(_TECH_ADJECTIVES),
    "$randomNoun": lambda: _pick(_TECH_NOUNS),
    "$randomVerb": lambda: _pick(_TECH_VERBS),
    "$randomIngverb": lambda: _pick(_TECH_INGVERBS),
    "$randomPhrase": lambda: (f"If we {_pick(_TECH_VERBS)} the {_pick(_TECH_NOUNS)}, we can get to the "
                              f"{_pick(_ABBREVIATIONS)} {_pick(_TECH_NOUNS)} through the "
                              f"{_pick(_TECH_ADJECTIVES)} {_pick(_ABBREVIATIONS)} {_pick(_TECH_NOUNS)}!"),
    # words and lorem ipsum
    "$randomWord": lambda: _faker().word(),
    "$randomWords": lambda: " ".join(_faker().words(_rand.randint(2, 4))),
    "$randomLoremWord": lambda: _pick(_latin()),
    "$randomLoremWords": lambda: " ".join(_latin_words(3)),
    "$randomLoremSentence": _latin_sentence,
    "$randomLoremSentences": lambda: _latin_sentences(),
    "$randomLoremParagraph": _latin_paragraph,
    "$randomLoremParagraphs": lambda: "\n \r".join(_latin_paragraph() for _ in range(3)),
    "$randomLoremText": _lorem_text,
    "$randomLoremSlug": lambda: "-".join(_latin_words(3)),
    "$randomLoremLines": lambda: "\n".join(_latin_sentence() for _ in range(_rand.randint(1, 5))),
    # commerce
    "$randomDepartment": lambda: _pick(_DEPARTMENTS),
    "$randomProductName": lambda: f"{_pick(_PRODUCT_ADJECTIVES)} {_pick(_PRODUCT_MATERIALS)} {_pick(_PRODUCTS)}",
    "$randomProductAdjective": lambda: _pick(_PRODUCT_ADJECTIVES),
    "$randomProductMaterial": lambda: _pick(_PRODUCT_MATERIALS),
    "$randomProduct": lambda: _pick(_PRODUCTS),
    "$randomPrice": lambda: f"{_rand.uniform(1, 1000):.2f}",
    # files and directories
    "$randomFileName": lambda: f"{_snake_words()}.{_faker().file_extension()}",
    "$randomCommonFileName": lambda: f"{_snake_words()}.{_pick(_COMMON_FILE_EXTS)}",
    "$randomMimeType": lambda: _faker().mime_type(),
    "$randomCommonFileType": lambda: _pick(_COMMON_FILE_TYPES),
    "$randomCommonFileExt": lambda: _pick(_COMMON_FILE_EXTS),
    "$randomFileType": lambda: _pick(_FILE_TYPES),
    "$randomFileExt": lambda: _faker().file_extension(),
    "$randomDirectoryPath": lambda: _pick(_DIRECTORIES),
    "$randomFilePath": lambda: f"{_pick(_DIRECTORIES)}/{_snake_words()}.{_faker().file_extension()}",
}


def dynamic_names() -> list[str]:
    """Every supported dynamic variable name, ``$`` included."""
    return list(GENERATORS)


def resolve_dynamic(name: str) -> str | None:
    """A fresh value for a dynamic variable (``"$guid"``), or None if the name is not one."""
    generator = GENERATORS.get(name)
    return generator() if generator is not None else None
