"""Crisis detection: a safety layer of its own, with three levels.

- ``clear``: the message states suicidal thoughts or self-harm, in so many words
  ("ik wil dood", "ik denk aan zelfmoord") or by an indirect statement that has
  no other reading ("iedereen is beter af zonder mij", "ik wil er een punt achter
  zetten, met alles", "ik sta op het perron en denk erover te springen", "de
  pillen liggen klaar"). The assistant answers with safety information (113).
- ``possible``: a signal that may be one ("ik zie het niet meer zitten" with no
  object, "ik kan niet meer", "het hoeft allemaal niet meer"), or the intent
  classifier's guess is crisis at a moderate confidence. The topic stays the
  classifier's; the dialogue asks one gentle, direct check question.
- ``None``: nothing that points to danger. Hyperbole ("ik ga dood van de
  werkdruk", "doodmoe"), "ik zie het niet meer zitten met die planning",
  "ik ben er klaar mee", quitting a job, thanks, goodbyes, apologies and denials
  ("ik wil me niet van kant maken hoor") stay here.

The patterns were written from the crisis definition in intents.md and from
public guidance on warning signs (113 Zelfmoordpreventie: talking about wanting
to die, being a burden, no way out, saying goodbye, collecting means), never
from an evaluation set. Everything is checked per clause on lower-cased text
with hurried and Flemish spellings ("nie", "ni", "wilt", "zelfmoort").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from bot.nlu.sentences import sentence_spans

CLEAR = "clear"
POSSIBLE = "possible"
CRISIS_LEVEL_KEY = "crisis_level"

# The classifier's crisis probability at or above which a one-sentence message
# is "possible" when crisis ranks first (below it the rules alone decide). On
# longer stories a linear model's confidence is not calibrated (more words,
# larger margins): there only the rules count. See docs/decisions.md,
# "Crisis detection as a safety layer".
CLASSIFIER_POSSIBLE = 0.6

_NOT = r"(?:niet|nie|ni|nit)"
_ME = r"(?:mezelf|mijzelf|m'?n\s+eigen|me|mij)"
_MY = r"(?:mijn|m'?n|mn)"
_I = r"(?:ik|'k|k)"


def _compile(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in patterns]


# --- clear: explicit statements and indirect ones with no other reading ---------
CLEAR_PATTERNS = _compile((
    # "soms denk ik dat ze zonder mij beter af zijn" (role-play, 2026-12-03)
    r"\bzonder\s+mij\s+(?:\w+\s+){0,2}(?:beter\s+af|gelukkiger)\b",
    r"zelfmoor[dt]", r"su[iï]cid", r"zelfdoding", r"zelfbeschadig",
    r"\bwil+t?\s+(?:\w+\s+){0,3}dood\b(?!\s*(?:moe|op|ziek|ongelukkig|stil|normaal))",
    r"\b(?:liever|beter)\s+dood\b",
    r"\bdood\s+(?:wil|willen|gaan\s+zijn|zijn\s+dan)\b",
    rf"\b(?:{_NOT}|nooit)\s+meer\s+(?:willen\s+|wil\s+)?(?:leven|leve|bestaan)\b",
    r"\bstoppen\s+met\s+(?:het\s+)?leven\b",
    rf"\bwil+t?\s+{_MY}\s+leven\s+{_NOT}\s+meer\b",
    r"\b(?:manieren|manier)\s+om\s+(?:dood\s+te\s+gaan|er\s+een\s+eind|mezelf|zelf\s+te)",
    r"\bhoeveel\s+(?:pillen|tabletten|medicijnen|slaappillen)\b",
    r"\btouw\s+(?:gekocht|gehaald|klaargelegd|klaar)\b",
    rf"\biets\s+(?:doms|stoms)\s+(?:met|bij)\s+{_ME}\b",
    rf"\b{_ME}\s+(?:\w+\s+)?pijn\s+(?:gedaan|doen|te\s+doen)\b",
    rf"\b(?:gekrast|gesneden|snijden|krassen)\b.*\b(?:arm|armen|pols|polsen|benen|{_ME})\b",
    r"\b(?:in|op)\s+(?:mijn|m'?n)\s+(?:arm|armen|pols|polsen|benen)\s+(?:\w+\s+)?(?:gekrast|gesneden|snijden|krassen)\b",
    r"\b(?:water|rivier|zee|kanaal|gracht)\b.*\b(?:erin\s+(?:te\s+)?(?:lopen|springen)|in\s+te\s+springen)",
    r"\btegen\s+een\s+(?:boom|muur|vrachtwagen|vrachtauto)\s+(?:aan\s+)?(?:te\s+)?(?:rij|rijden|rijdt|rijd)\b",
    r"\buitweg\b.*\ber\s+niet\s+meer\s+(?:ben|zijn|ben)\b",
    r"\b(?:beter|meer\s+aan\s+mij)\b.*\bals\s+ik\s+er\s+niet\s+meer\s+(?:ben|was|zou\s+zijn)\b",
    rf"\b(?:{_NOT}|nooit)\s+meer\s+(?:hoeven\s+|willen\s+|wil\s+)?wakker\s+(?:te\s+)?(?:worden|word|wordt)\b",
    rf"\bwil+t?\s+er\s+(?:gewoon\s+|echt\s+|eigenlijk\s+|liever\s+|gewoonweg\s+)?{_NOT}\s+meer\s+zijn\b",
    rf"\bben\s+er\s+liever\s+{_NOT}\s+meer\b",
    rf"\b{_ME}\s+(?:\w+\s+){{0,2}}(?:te\s+)?(?:doden|dood\s*(?:te\s+)?maken|verwonden|verwond)\b",
    rf"\b{_ME}\s+(?:\w+\s+){{0,2}}(?:gesneden|gekrast|gebrand|verwond)\b",
    rf"\b(?:doe|deed|gedaan)\b(?:\s+\w+){{0,2}}\s+{_ME}\s+(?:\w+\s+)?pijn\b",
    rf"\b(?:snijd|snij|brand|kras)\s+(?:ik\s+)?(?:\w+\s+)?(?:{_ME}|in\s+(?:mijn|m'?n)\s+(?:arm|armen|pols|polsen|been|benen))\b",
    r"\bdoodswens\b|\bdoodsgedachten\b",
    r"\b(?:wil|willen|liever|makkelijker)\b.*\bsterven\b|\bsterven\b.*\b(?:makkelijker|beter)\b",
    r"\bmoet\s+dood(?:gaan)?\b",
    r"\bpijnloos\b.*\b(?:doen|dood|sterven|eruit)\b",
    r"\bgarage\b.*\bmotor\s+(?:aan|laten\s+lopen|liet\s+lopen)\b|\bmotor\s+aan\b.*\bgarage\b",
    r"\bzitten\b.*\b(?:met|in)\s+(?:het|mijn)\s+leven\b",
    r"\bgedaan\s+is\s+met\s+mij\b|\bhet\s+is\s+gedaan\s+met\s+mij\b",
    r"\b(?:beter|liever)\s+(?:\w+\s+){0,2}dood\b",
    r"\b(?:pillen|medicijnen|medicatie|slaappillen|tabletten)\b.*\b(?:opgespaard|op\s*sparen|gespaard|verzameld|bij\s+elkaar|ingenomen\s+dan|gekocht\s+voor|genomen\s+dan)",
    r"\b(?:spaar|sparen)\b.*\b(?:pillen|medicijnen|medicatie|slaappillen|tabletten)\b",
    r"\bhet\s+leven\s+(?:moe|beu)\b|\blevensmoe\b",
    r"\bzitten\s+om\s+(?:nog\s+)?(?:te\s+|verder\s+te\s+)?leven\b",
    r"\b(?:stoppen|ophouden)\s+met\s+(?:mijn|m'?n|het)\s+leven\b",
    r"\bleven\b.*\b(?:wil|ga)\s+(?:het|er)\s+(?:\w+\s+)?(?:eindigen|beëindigen|beeindigen)\b",
    r"\bleven\s+(?:heeft|had)\s+(?:\w+\s+){0,3}geen\s+(?:zin|betekenis)\b",
    r"\bleven\b.{0,30}\b(?:niets|niks|geen\s+cent)\s+(?:meer\s+)?waard\b|\bleven\s+is\s+de\s+moeite\s+niet\s+(?:meer\s+)?waard\b",
    rf"\b{_NOT}\s+(?:meer\s+)?verder\s+(?:te\s+)?leven\b",
    r"\b(?:verder\s+leven|doorleven)\s+is\s+(?:\w+\s+){0,3}niet\s+(?:meer\s+)?waard\b",
    # "met leven bedoel ik", "ik bedoel: het leven" (life itself, at the end); never "ik
    # bedoel geld om te leven" (round 13b, p51 got the crisis answer for that).
    r"\bleven\s+bedoel\s+ik\b",
    r"\b(?:bedoel\s+ik|ik\s+bedoel)\s*:?\s+(?:met\s+)?(?:het\s+|mijn\s+|m'?n\s+)?leven"
    r"(?:\s+zelf)?\s*(?:[.!?…]|$)",
    r"\b(?:stop|stap\s+eruit|stap\s+er\s+uit|punt\s+achter|ermee\s+op|eind\s+aan|einde\s+aan)\b.*\bniet\s+(?:uit|met|over|aan)\s+(?:deze|mijn|m'?n|die|het|dit)\s+(?:baan|werk|job|functie|contract)\b",
    rf"\b(?:niet\s+van\s+plan|besloten)\b.*\ber\b.*\b(?:{_NOT}\s+meer|nog)\s+(?:te\s+)?(?:zijn|ben)\b",
    rf"\b(?:besloten|binnenkort|straks|morgen|vannacht|vanavond)\b.*\ber\s+(?:\w+\s+){{0,2}}{_NOT}\s+meer\b(?:\s+(?:ben|zijn|zal\s+zijn))?\s*(?:[.!?,]|$)",
    r"\buit\s+dit\s+leven\b|\b(?:weg|verdwijn\w*|vertrek\w*|ga|gaan)\s+(?:\w+\s+)?(?:uit|van)\s+(?:dit|het|mijn|m'?n)\s+leven\b(?!\s+gegrepen)",
    r"\b(?:niet\s+meer|hoor\s+niet|niet)\b.{0,25}\bop\s+(?:deze|de)\s+wereld\b",
    r"\b(?:teleurgesteld|jammer|balen)\b.*\bdat\s+ik\s+er\s+nog\s+(?:steeds\s+)?ben\b",
    r"\beeuwige\s+rust\b|\bvoor\s+altijd\s+(?:gaan\s+)?(?:slapen|inslapen)\b|\bin\s+(?:mijn|m'?n)\s+slaap\s+(?:blijf|blijven|overlijd|sterf)\b",
    r"\b(?:onder|voor)\s+(?:een|de|den)\s+(?:bus|trein|tram|auto|vrachtwagen)\s+(?:te\s+)?(?:\w+\s+)?(?:lopen|springen|gooien|smijten|stappen|werpen)\b",
    r"\bin\s+(?:het|de)\s+(?:kanaal|water|rivier|zee|gracht|schelde|maas)\s+(?:te\s+)?(?:laten\s+)?(?:vallen|springen|lopen)\b",
    r"\b(?:sta|zit|stond|zat)\s+(?:aan|bij|op)\b.*\b(?:springen|te\s+springen|erin\s+te\s+springen)\b",
    r"\bspring\w*\s+(?:ik\s+)?van\s+(?:de\s+|het\s+|een\s+)?(?:flat|balkon|brug|dak|viaduct)\b",
    r"\bhoop\b.*\b(?:ongeluk\s+krijg|niet\s+meer\s+wakker|doodga|dood\s+ga|overlijd)",
    r"\b(?:stap|sprong)\s+en\s+(?:het\s+is|alles\s+is)\s+(?:voorbij|klaar|over)\b",
    r"\bstuur\s+om(?:gooien|gooi|trekken|rukken)\b",
    r"\b(?:maak|maken)\s+(?:ik\s+)?er\s+een\s+(?:einde?|eind)\s+aan\b(?!\s+(?:met|bij|voor)\s+(?!alles\b|het\s+leven\b|(?:mijn|m'?n)\s+leven\b))",
    rf"\ber\s+{_NOT}\s+meer\s+(?:zou\s+|wil\s+|hoef\s+)?(?:te\s+)?zijn\b",
    rf"\beinde?\s+aan\s+(?:{_MY}|het|me|dit)\s+leven\b",
    r"\ber\s+een\s+(?:einde?|eind|punt)\s+(?:aan|achter)\s+(?:\w+\s+){0,2}?(?:te\s+)?maken\b(?!\s+(?:met|aan|bij|voor)\s+(?!alles\b|het\s+leven\b|(?:mijn|m'?n)\s+leven\b))",
    rf"\b{_ME}\s+(?:(?:iets|wat)\s+)?(?:aan\s*(?:te\s+)?doen|aandoen|pijn\s+(?:te\s+)?doen|van\s+kant\s+(?:te\s+)?maken|op\s+te\s+hangen|ophangen|verhangen)",
    rf"\b{_ME}\s+(?:weer\s+|vaak\s+|soms\s+)?(?:snijden|snijd|snij|krassen|kras|branden)\b",
    rf"\b(?:snijd|snij|kras|sneed)\s+(?:ik\s+)?(?:weer\s+|soms\s+|vaak\s+)?{_ME}\b",
    r"\bvan\s+het\s+leven\s+(?:\w+\s+){0,2}beroven\b", r"\buit\s+het\s+leven\s+(?:te\s+)?stappen\b",
    r"\bgeen\s+zin\s+meer\s+in\s+(?:het|m'?n|mijn)\s+leven\b",
    r"\b(?:leven|bestaan)\s+(?:heeft|had)\s+(?:\w+\s+)?geen\s+zin\b",
    r"\bgeen\s+(?:reden|kracht|zin)\s+meer\s+om\s+(?:te\s+|door\s+te\s+)?leven\b",
    r"\bwas\s+ik\s+maar\s+dood\b", r"\bwas\s+ik\s+maar\s+nooit\s+geboren\b",
    rf"\b(?:wou|wilde|zou\s+willen)\s+(?:{_I}\s+)?dat\s+{_I}\s+dood\s+was\b",
    rf"\b(?:iedereen|mijn\s+\w+|de\s+wereld)\s+(?:is|zijn|zou|zouden|was|waren)\s+(?:\w+\s+)?beter\s+af\s+(?:zijn\s+)?(?:zonder\s+mij|als\s+{_I}\s+er\s+{_NOT}\s+(?:meer\s+)?(?:ben|was|zou\s+zijn))",
    r"\bbeter\s+af\s+(?:is\s+|zijn\s+|zou\s+zijn\s+|was\s+|waren\s+)?zonder\s+mij\b",
    r"\bpunt\s+achter\s+(?:alles|het\s+leven|{_MY}\s+leven)\b".replace("{_MY}", _MY),
    r"\bpunt\s+achter\b.*\b(?:met|achter)\s+alles\b",
    r"\beinde?\s+aan\b.*\b(?:met|aan)\s+alles\b",
    r"\b(?:einde?|eind)\s+aan\s+alles\s+(?:maken|te\s+maken)\b",
    r"\b(?:perron|spoor|rails|brug|dak|flat|balkon|viaduct|trein)\b.*\bspringen\b",
    r"\bspringen\b.*\b(?:perron|spoor|rails|brug|dak|flat|balkon|viaduct|voor\s+de\s+trein)\b",
    r"\bvoor\s+de\s+trein\s+(?:te\s+)?(?:springen|gaan\s+liggen|lopen)\b",
    r"\bpillen\b.*\b(?:klaar\s*(?:liggen|gelegd|leggen)|liggen\s+klaar|verzameld|gespaard|opgespaard|sparen|allemaal\s+(?:in\s*(?:te\s+)?nemen|slikken))",
    r"\b(?:alle|al\s+mijn|al\s+m'?n)\s+(?:pillen|medicijnen|slaappillen)\s+(?:in\s*(?:te\s+)?nemen|slikken|innemen)",
    r"\b(?:afscheidsbrief|afscheidsbrieven|afscheidsbriefje)\b(?!.*\b(?:team|collega|collega's|baan|werk|klanten|afdeling|bedrijf|pensioen|vertrek)\b)",
    r"\btouw\b.*\b(?:klaar|hangen|opgehangen)\b",
    r"\bplan\b.*\b(?:om\s+)?(?:er\s+)?(?:een\s+)?(?:einde?|eind)\s+aan\s+te\s+maken\b",
    r"\bpoging\s+(?:gedaan|gedaan\s+om)\b",
    r"\bmijn\s+leven\s+(?:te\s+)?(?:beëindigen|beeindigen|nemen)\b",
    r"\bzeg\s+(?:maar\s+)?tegen\s+(?:mijn|m'?n)\s+\w+\s+dat\s+(?:het\s+)?me\s+spijt\b",
    r"\bklaar\s+met\s+(?:het\s+|mijn\s+|m'?n\s+)?leven\b",
    # Affairs put in order for those left behind "straks" (round 16, p69: "ik heb mijn zaakjes
    # op orde gemaakt, mijn vrouw hoeft zich straks nergens zorgen over te maken" got a menu).
    r"\b(?:zaakjes|zaken|alles|papieren|spullen)\b.{0,30}\b(?:op\s+orde|geregeld|"
    r"afgehandeld)\b.{0,80}\b(?:straks|als\s+ik\s+er\s+niet|na\s+mij|achterblijv\w*)\b",
    r"\bmet\s+alles\b.*\book\s+met\s+(?:het\s+)?leven\b",
))

# --- possible: signals that may be one ------------------------------------------
# "End of clause": the phrase is not followed by what it is about ("met die
# planning", "om te werken", "tegen de werkdruk"), so no object makes it ordinary.
_END = r"\s*(?:[.!?,;:…]|$|\s+(?:meer|echt|gewoon|allemaal|helemaal|zitten|hoor|nou|eigenlijk|"\
       r"want|en|maar|ik|het|alles|niks|niets|vandaag|vannacht|morgen|nu|zo|ook|vaak|soms|"\
       r"door|verder|vooruit))"
POSSIBLE_PATTERNS = _compile((
    # Role-play, 2026-12-03: said by a man with debts whose marriage was ending.
    r"\b(?:redden|redt|kunnen|kan)\s+(?:het\s+)?(?:zich\s+)?(?:\w+\s+){0,2}zonder\s+mij\b",
    r"\bals\s+ik\s+er\s+(?:dan\s+)?nog\s+(?:ben|zijn|ben\s+haha)\b",
    # "heeft allemaal toch geen zin meer" (role-play round 6, p33): fillers between.
    r"\b(?:het\s+)?(?:heeft\s+)?(?:allemaal|alles)\s+(?:heeft\s+)?(?:(?:toch|echt|gewoon|ook|"
    r"eigenlijk)\s+)*geen\s+zin\s+meer\b",
    # "dat ik er morgen misschien niet meer ben" (round 6, p33); "ik ben er morgen niet
    # meer, dan heb ik vrij" has a work cause or a reason after it and stays ordinary.
    rf"\b(?:dat|of)\s+{_I}\s+er\s+(?:\w+\s+){{0,3}}{_NOT}\s+meer\s+(?:ben|zal\s+zijn|zou\s+zijn)\b",
    r"\bof\s+ik\s+er\s+(?:\w+\s+){0,3}nog\s+(?:ben|zal\s+zijn)\b",
    # "tot die tijd zie ik het eigenlijk niet meer zitten" (round 7b, p33): the verb first.
    rf"\bzie\s+{_I}\s+(?:het|t|'t)\s+(?:\w+\s+){{0,2}}{_NOT}\s+(?:meer\s+|zo\s+)?zitten(?:\s+meer)?{_END}",
    # The same in a subordinate clause: "en dat ik het niet meer zie zitten" (round 13, p54).
    rf"\b(?:het|t|'t)\s+(?:\w+\s+){{0,2}}{_NOT}\s+(?:meer\s+|zo\s+)?zie\s+zitten(?:\s+meer)?{_END}",
    # Weariness with no object: "ik ben gewoon zo moe van alles..." (round 13, p54).
    rf"\bmoe\s+van\s+alles{_END}",
    rf"\bben\s+(?:het\s+)?(?:allemaal|alles)\s+(?:zo\s+|echt\s+|heel\s+)?moe{_END}",
    # Apathy with no object: "het boeit me eigenlijk niet zoveel meer allemaal" (round 7b).
    rf"\b(?:het|alles)\s+boeit\s+(?:me|mij)\s+(?:\w+\s+){{0,2}}{_NOT}\s+(?:zoveel\s+|echt\s+)?meer{_END}",
    # Hopelessness: "laat maar. niks helpt toch" (round 8, p33, after a stated crisis).
    rf"\b(?:niks|niets)\s+(?:helpt|werkt)\s+(?:toch|meer|ooit|echt)(?:\s+(?:meer|toch))?{_END}",
    # Emptiness: "werk was het enige wat ik had. nu is er niks" (round 9, p33).
    r"\bnu\s+is\s+er\s+(?:niks|niets)(?:\s+meer)?\s*(?:[.!?,;:…]|$)",
    # Loneliness after a dark statement: "niemand snapt het" (round 6, p33).
    rf"\bniemand\s+(?:snapt|begrijpt|ziet)\s+(?:het|me|mij|{_ME}){_END}",
    rf"\bzie\s+(?:het|t|'t)\s+(?:\w+\s+){{0,2}}{_NOT}\s+(?:meer\s+|zo\s+)?zitten(?:\s+meer)?{_END}",
    # Role-play round 4 (2026-12-03), said by a cleaner whose husband had left: "met
    # alles" is no object that makes it ordinary, and neither is "met het leven".
    rf"\bzie\s+(?:het|t|'t)\s+(?:\w+\s+){{0,2}}{_NOT}\s+(?:meer\s+|zo\s+)?zitten\s+met\s+"
    rf"(?:alles|het\s+leven|{_MY}\s+leven|{_ME})\b",
    rf"\b(?:het|alles)\s+maakt\s+(?:(?:allemaal|me|mij|toch|echt|eigenlijk)\s+)*{_NOT}\s+"
    rf"meer\s+uit{_END}",
    rf"\b(?:wil|zou\s+willen)\s+(?:{_I}\s+)?(?:(?:gewoon|soms|echt|liefst|het\s+liefst|even)\s+)*"
    rf"verdwijnen{_END}",
    rf"\bkan\s+(?:het\s+|dit\s+)?{_NOT}\s+meer(?:\s+verder|\s+aan)?{_END}",
    rf"\bkan\s+{_NOT}\s+meer\s*[.!?…]*\s*$",
    r"\bhet\s+hoeft\s+(?:voor\s+mij\s+|allemaal\s+|voor\s+mij\s+allemaal\s+)?(?:allemaal\s+|ook\s+)?niet\s+meer\b",
    r"\b(?:geen|enige|laatste)\s+uitweg\b(?!\s+(?:meer\s+)?(?:uit|in|bij|voor|op|met)\b)",
    r"\bhoeft\s+(?:het\s+)?(?:allemaal\s+)?(?:voor\s+mij|van\s+mij)\s+(?:allemaal\s+)?niet\s+meer\b|\b(?:voor|van)\s+mij\s+hoeft\s+(?:het|t|'t)\s+(?:allemaal\s+)?niet\s+meer\b",
    rf"\bmoet\s+{_NOT}\s+meer\s+voor\s+mij\b",
    r"\bben\s+(?:\w+\s+){0,3}(?:een\s+)?last\b(?!\s+van)",
    r"\bgeen\s+last\s+meer\s+(?:van\s+mij|hebben)\b.*|\bvan\s+mij\b.*\bgeen\s+last\s+meer\b",
    r"\bniemand\s+meer\s+in\s+de\s+weg\b",
    r"\bhoeft\s+(?:allemaal\s+)?niet\s+meer\s+(?:voor|van)\s+mij\b",
    r"\bweet\s+niet\s+of\s+ik\s+er\s+(?:\w+\s+){0,2}nog\s+(?:ben|zal\s+zijn|wil\s+zijn)\b",
    r"\b(?:viaduct|brug|dak|flat|balkon|kade)\b.*\b(?:naar\s+beneden|naar\s+het\s+water)\s+(?:\w+\s+)?(?:gekeken|kijken|kijk|staren|gestaard)\b",
    r"\b(?:viaduct|brug|dak|flat|balkon|kade)\b.*\b(?:kijk|kijken|keek|staar)\s+(?:\w+\s+)?naar\s+(?:het\s+water|beneden|de\s+diepte)\b",
    r"\bvoor\s+niemand\s+(?:nog\s+|meer\s+)?iets\s+(?:beteken|betekenen)\b",
    r"\b(?:zullen|gaan)\s+(?:me|mij)\s+(?:nog\s+)?missen\b",
    r"\bniks\s+meer\s+van\s+(?:me|mij)\s+(?:horen|hoort|hoor)\b|\bniets\s+meer\s+van\s+(?:me|mij)\s+(?:horen|hoort|hoor)\b",
    r"\bzeg\s+(?:maar\s+)?tegen\s+(?:mijn|m'?n)\s+(?:moeder|vader|kinderen|vrouw|man|familie|ouders|zus|broer|partner)\b",
    r"\b(?:als|wanneer)\s+het\s+zover\s+is\b",
    r"\b(?:gegeven|weggegeven|verdeeld)\b.*\b(?:toch\s+)?(?:niet|ni|nie)\s+meer\s+nodig\b",
    r"\bafscheid\s+(?:al\s+)?voorbereid\b|\bbrieven\s+liggen\s+klaar\b|\bliggen\s+brieven\s+klaar\b",
    r"\btestament\b.*\b(?:klaar\s+voor|gegeven|weggegeven|verdeeld|afscheid)\b",
    # Each half of p69's line alone (round 16): one gentle question.
    rf"\b{_MY}\s+zaakjes\s+(?:\w+\s+)?op\s+orde(?:\s+(?:gemaakt|gebracht|gezet))?{_END}",
    r"\b(?:hoeft|hoeven)\s+zich\s+straks\s+(?:\w+\s+)?(?:nergens|geen)\s+(?:\w+\s+)?zorgen\b",
    r"\b(?:een\s+)?plan\b.*\bweet\s+(?:al\s+|ook\s+)?(?:wanneer|hoe|waar)\s*(?:[.!?]|$)",
    r"\balles\s+(?:te\s+)?(?:beëindigen|beeindigen|opgeven)\s*(?:[.!?]|$)",
    r"\b(?:hoe|waar|wanneer)\s+ik\s+het\s+(?:zou|ga|moet|wil)\s+doen\s*(?:[.!?]|$)",
    r"\blevensverzekering\b",
    r"\b(?:expres|bewust|met\s+opzet)\s+(?:\w+\s+){0,3}(?:te\s+hard|door\s+rood|zonder\s+te\s+kijken)\b",
    r"\bwachtwoorden\b.*\b(?:neergelegd|klaargelegd|opgeschreven|klaar)\b",
    r"\b(?:snel|eindelijk)\s+voorbij\s+(?:zou\s+)?(?:zijn|is)\b",
    r"\bwou\s+dat\s+ik\s+bij\s+(?:hem|haar|hen)\s+was\b",
    r"\ber\s+een\s+punt\s+achter\s+(?:\w+\s+){0,2}?(?:te\s+)?zetten\s*(?:[.!?…]|$)",
    rf"\bals\s+{_I}\s+er\s+(?:\w+\s+)?{_NOT}\s+meer\s+(?:ben|was)\b",
    r"\bbeter\s+(?:verder\s+)?zonder\s+mij\b",
    r"\b(?:spullen|dingen)\s+(?:al\s+)?(?:verdeeld|weggegeven|opgeruimd)\b",
    r"\b(?:ophoudt|ophouden|tussenuit|verdwijnen|slapen|weg)\b.{0,20}\bvoorgoed\b",
    r"\bvoorgoed\b.{0,20}\b(?:ophoudt|ophouden|tussenuit|verdwijnen|slapen)\b",
    r"\b(?:gedachten|gedachtes)\s+(?:over|aan)\s+(?:de\s+)?dood\b|\bdoodsgedachten\b",
    r"\bgeen\s+toekomst\s+meer\b(?!\s+(?:in|bij|voor|op|met|als)\b)",
    r"\b(?:mijn\s+)?laatste\s+bericht(?:je)?\b",
    rf"\b(?:alles|het)\s+op\s*(?:te\s+)?geven\b.*\book\s+{_ME}\b",
    r"\buitzichtloos\b",
    rf"\bwil+t?\s+{_NOT}\s+meer(?:\s*[.!?…,]|\s*$|\s+(?:echt|hoor|punt|nou|gewoon))",
    r"\bwil+t?\s+(?:gewoon\s+|alleen\s+nog\s+|liefst\s+)?(?:verdwijnen|weg\s+van\s+(?:deze|de)\s+wereld|weg\s+zijn)\b",
    r"\bniemand\s+(?:zou|zal|gaat)\s+(?:me|mij)\s+(?:\w+\s+)?missen\b",
    r"\bniemand\b.{0,15}\b(?:me|mij)\s+(?:zou|zal|gaat)\s+missen\b",
    r"\b(?:last|blok\s+aan\s+het\s+been)\s+voor\s+(?:iedereen|mijn\s+omgeving|mijn\s+gezin|anderen)\b",
    r"\bwat\s+heeft\s+(?:het|alles|het\s+leven)\s+(?:allemaal\s+|nog\s+|eigenlijk\s+)*(?:voor\s+)?zin\b",
    r"\bgeen\s+zin\s+meer\s+in\s+(?:alles|niks|niets)\b",
    # "ik heb nergens meer zin in" (round 24, p118: no question came); not "nergens meer zin
    # in op mijn werk" (a work sentence) or "nergens zin in vandaag".
    r"\bnergens\s+(?:meer\s+)?zin\s+(?:meer\s+)?in\b(?!\s+(?:op|bij|van|met|vandaag|nu)\b)",
    r"\bklaar\s+met\s+alles\b",
    # "energie? da's er ni veel meer eh. soms denk ik waarom doe ik dit allemaal nog" (round
    # 27, p136: a career tip came). About the job or about more: one gentle question. "waarom
    # doe ik dit werk nog" names its work and stays ordinary (WORK_CAUSE).
    r"\bwaarom\s+(?:doe|zou)\s+(?:ik|k)\s+(?:dit|dat|het|da|t)\s+(?:\w+\s+)?allemaal\s+"
    r"(?:nog|eigenlijk|nog\s+eigenlijk)\b|\bwaarom\s+(?:doe|zou)\s+(?:ik|k)\s+(?:dit|dat|het|da|t)"
    r"\s+(?:eigenlijk\s+)?nog\s+allemaal\b",
    r"\bwaarom\s+(?:leef|besta)\s+(?:ik|k)\s+(?:eigenlijk\s+|überhaupt\s+|uberhaupt\s+)?nog\b|"
    r"\bwaarom\s+ben\s+(?:ik|k)\s+er\s+(?:eigenlijk\s+|überhaupt\s+|uberhaupt\s+)?nog\b|"
    r"\bwaarom\s+(?:ik|k)\s+(?:er\s+)?(?:eigenlijk\s+|überhaupt\s+|uberhaupt\s+)?nog\s+(?:ben|leef|besta)\b",
    r"\b(?:levensmoe|het\s+leven\s+moe)\b",
    r"\bdenk\s+(?:\w+\s+){0,2}aan\s+de\s+dood\b",
    r"\b(?:slapen|inslapen)\s+en\s+(?:nooit|niet)\s+meer\b",
    r"\bhoe\s+lang\s+(?:ik\s+)?(?:dit\s+|het\s+)?nog\s+volhoud\b",
    r"\b(?:113|zelfmoordlijn|crisislijn)\b",
    r"\bik\s+(?:hou|houd)\s+het\s+(?:echt\s+|gewoon\s+)?niet\s+(?:meer\s+)?vol(?:\s*[.!?…]|\s*$)",
    r"\balles\s+is\s+zinloos\b", r"\bzinloos\s+(?:om\s+)?(?:te\s+)?(?:leven|bestaan)\b",
    r"\bniet\s+meer\s+verder\s+(?:kan|wil)\b",
    rf"\bzo\s+{_NOT}\s+(?:meer\s+)?verder\s+(?:kan|wil)\b",
    # "soms wou ik dat het allemaal even ophield", "ik wil gewoon dat het allemaal ophoudt"
    # (round 21, p95, a carer: no word of safety came). Maybe rest, maybe more: one gentle
    # question. Not "dat het pesten ophoudt", "dat het stopt met regenen", "het weekend".
    r"\b(?:wou|wil|wilde|zou\s+willen|wens|hoop)\s+(?:\w+\s+){0,2}?(?:dat|da)\s+(?:het|alles|t)\s+"
    r"(?:(?:allemaal|even|gewoon|eens|nu|maar|al|echt|gewoon\s+even|voorgoed)\s+){0,3}"
    r"(?:ophield|ophoudt|ophoud|stopt|stopte|voorbij\s+(?:is|was|zou\s+zijn)|over\s+(?:is|was))\b"
    r"(?!\s+met\b)",
))

# --- hyperbole, denials and other people's -------------------------------------
# A clause that matches one of these is not counted: "ik ga dood van de
# werkdruk", "ik wil me niet van kant maken hoor", "ik denk niet aan zelfmoord",
# "mijn collega pleegde zelfmoord". Negation is checked in a short window before
# the signal, so "ik wil niet meer leven" (a statement) is not a denial.
HYPERBOLE = _compile((
    r"\bdood\s*(?:moe|op|ziek|ongelukkig|normaal|stil|eng|saai|serieus|simpel|leuk)\b",
    r"\bdoodmoe\b|\bdoodop\b|\bdoodziek\b|\bdoodsbang\b|\bdoodnormaal\b|\bdoodeng\b|\bdoodsaai\b",
    r"\b(?:ga|gaan|gaat)\s+(?:nog\s+)?dood\s+(?:van|aan)\s+(?:de|het|die|dat|deze|mijn|m'?n|verveling|stress)\b",
    r"\bmaak\s+(?:me|mezelf)\s+(?:niet\s+)?(?:kapot|gek|druk)\b",
    # The body that can't go on: "mijne rug kan ni meer", "mijn knieën kunnen het niet meer"
    # is about the work's load, not about living (round 22b, p98 got the check question).
    rf"\b(?:{_MY}|mijne|me)\s+(?:rug|knie\w*|schouder\w*|lijf|lichaam|nek|heup\w*|hand|handen|"
    rf"voeten|benen|armen|pols\w*|gewrichten)\b(?:\s+en\s+(?:{_MY}\s+|mijne\s+)?\w+)?\s+"
    rf"(?:kan|kunnen)\s+(?:het\s+|dit\s+|da\s+|dat\s+)?{_NOT}\s+meer\b",
))
DENIAL = _compile((
    rf"\b(?:{_NOT}|geen|nooit|nergens)\b(?:\s+\w+){{0,3}}\s+(?:zelfmoor[dt]|zelfdoding|su[iï]cid|van\s+kant|dood\b|sterven|iets\s+aan\s*(?:te\s+)?doen|aandoen|einde\s+aan)",
    r"\b(?:geen|niet)\s+(?:\w+\s+)?(?:113|crisislijn|zelfmoordlijn)\b",
    rf"\b{_ME}\s+{_NOT}\s+(?:\w+\s+){{0,2}}(?:van\s+kant|iets\s+aan|aandoen|aan\s+te\s+doen|pijn)",
    rf"\b{_NOT}\s+(?:\w+\s+){{0,2}}(?:su[iï]cidaal|suicidaal)\b",
    r"\b(?:geen|nooit)\s+(?:zelfmoordgedachten|suïcidale\s+gedachten|suicidale\s+gedachten)\b",
    r"\b(?:nee|neen|nah|nope)\b[\s,.!]*(?:hoor|joh|echt\s+niet|zeker\s+niet|dat\s+niet)\b",
    rf"\b{_NOT}\s+dat\s+{_I}\s+(?:dood|er\s+niet\s+meer)\b",
))
THIRD_PARTY = _compile((
    r"\b(?:pleegde|heeft|had|hebben|hadden)\s+(?:\w+\s+){0,3}zelfmoord\s+(?:gepleegd|pleegde)\b",
    r"\b(?:collega|vader|moeder|broer|zus|vriend|vriendin|zoon|dochter|buurman|buurvrouw|"
    r"oom|tante|neef|nicht|partner|man|vrouw|iemand)\b(?:\s+\w+){0,4}\s+(?:pleegde|heeft|is)\s+"
    r"(?:\w+\s+){0,2}(?:zelfmoord|suïcide|suicide|uit\s+het\s+leven)",
    r"\bzelfmoord\s+(?:gepleegd|pleegde)\b.*\b(?:collega|vader|moeder|broer|zus|vriend)\b",
    r"\b(?:hij|zij|ze)\s+(?:wil|wilde|dacht|denkt|praat)\b.*\b(?:zelfmoord|dood|einde)\b",
))

_CLAUSE_SPLIT = re.compile(r"(?<=[.!?;…])\s+|\n+|(?<!alleen)\s+maar\s+")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;…])\s+|\n+")
# A possible-level phrase in the same sentence as a work cause is about work:
# "ik kan niet meer, die werkdruk is te hoog" (workload_health, not a crisis).
# A sentence that names life beyond work is no work sentence, even with "werk" in it: "geen
# zin meer in alles ofzo, werk, sporten, alles voelt flat" (round 24, p118 got the consent).
BEYOND_WORK = re.compile(
    r"\b(?:sporten|sport|vrienden|eten|hobby'?s?|uitgaan|familie|het\s+leven|mijn\s+leven|"
    r"alles\s+voelt|priv[eé])\b")
WORK_CAUSE = re.compile(
    r"\b(?:werkdruk|werk|baan|job|planning|rooster|roosters|baas|leidinggevende|manager|"
    r"teamleider|collega|collega's|afdeling|functie|diensten|dienst|overuren|deadlines?|"
    r"contract|vacatures?|sollicitaties?|klanten|reorganisatie|opleiding|cursus|team|"
    r"vakantie|verlof)\b")


# Chat shorthand, dropped final n and Flemish words, mapped to the forms the
# patterns use ("k wil dr een eind aan make" -> "k wil er een eind aan maken").
_SPELLING = {
    "nt": "niet", "nie": "niet", "vr": "voor", "dr": "er", "gwn": "gewoon", "hb": "heb",
    "zelfmrd": "zelfmoord", "zelfmoort": "zelfmoord", "end": "eind", "make": "maken",
    "worde": "worden", "springe": "springen", "leve": "leven", "gesneeden": "gesneden",
    "goesting": "zin", "gene": "geen", "beu": "moe", "den": "de", "smijten": "gooien",
    "mn": "mijn", "m'n": "mijn", "wilt": "wil", "wille": "willen", "ff": "even",
    "dood gaan": "doodgaan", "me zelf": "mezelf", "mij zelf": "mijzelf",
}
_SPELLING_RE = re.compile(r"(?<![\w'])(" + "|".join(
    re.escape(k) for k in sorted(_SPELLING, key=len, reverse=True)) + r")(?![\w'])")


def _normalise(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"[*_~]+", "", text)  # WhatsApp emphasis
    text = re.sub(r"(\w)'t\b", r"\1 het", text)  # "met't" -> "met het"
    text = re.sub(r"\s+", " ", text).strip()
    return _SPELLING_RE.sub(lambda m: _SPELLING[m.group(1)], text)


def clauses(text: str) -> list[str]:
    """The message split at sentence ends and "maar"/"alleen" (the usual turn)."""
    return [c for c in _CLAUSE_SPLIT.split(_normalise(text)) if c.strip()]


def _discounted(clause: str) -> bool:
    return any(p.search(clause) for p in (*HYPERBOLE, *DENIAL, *THIRD_PARTY))


def _signal(clause: str, patterns: list[re.Pattern[str]]) -> bool:
    """A pattern matches the clause and the clause is not hyperbole or a denial.

    For a discounted clause the match must also survive with the discounted part
    removed ("ik ga dood van de werkdruk en ik wil echt dood" is still clear).
    """
    if not any(p.search(clause) for p in patterns):
        return False
    if not _discounted(clause):
        return True
    rest = clause
    for p in (*HYPERBOLE, *DENIAL, *THIRD_PARTY):
        rest = p.sub(" ", rest)
    return any(p.search(rest) for p in patterns)


def rule_level(text: str) -> str | None:
    """The level the rules alone give a text (no classifier involved)."""
    parts = clauses(text)
    whole = _normalise(text)
    # A clear phrase may span a clause boundary ("punt achter zetten, niet met
    # mijn werk maar met alles"): check the whole text too, unless discounted.
    if any(_signal(c, CLEAR_PATTERNS) for c in parts) or (
            not _discounted(whole) and any(p.search(whole) for p in CLEAR_PATTERNS)):
        return CLEAR
    for sentence in _SENTENCE_SPLIT.split(whole):
        if WORK_CAUSE.search(sentence) and not BEYOND_WORK.search(sentence):
            continue
        if any(_signal(c, POSSIBLE_PATTERNS) for c in clauses(sentence)):
            return POSSIBLE
    return None


def denies_crisis(text: str) -> bool:
    """The text says there is no crisis ("ik ben niet suicidaal", "ik wil me niet van kant
    maken"): a denial of the kind that discounts a signal."""
    normal = _normalise(text)
    return any(p.search(normal) for p in DENIAL)


def states_crisis(text: str) -> bool:
    """The text clearly states suicidal thoughts or self-harm (level ``clear``)."""
    return rule_level(text) == CLEAR


def classifier_crisis(ranking: Iterable[Mapping[str, Any]]) -> float:
    """The crisis confidence when crisis ranks first among the real intents, else 0."""
    real = [e for e in ranking if e.get("name") != "nlu_fallback"]
    if real and real[0].get("name") == "crisis":
        return float(real[0].get("confidence") or 0.0)
    return 0.0


def crisis_level(text: str, ranking: Iterable[Mapping[str, Any]] = (),
                 possible_at: float = CLASSIFIER_POSSIBLE) -> str | None:
    """``clear``, ``possible`` or None for one message and the classifier's ranking."""
    level = rule_level(text)
    if level is not None:
        return level
    if (classifier_crisis(ranking) >= possible_at and len(sentence_spans(text)) == 1
            and not _discounted(_normalise(text))):
        return POSSIBLE
    return None
