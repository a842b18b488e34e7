"""Words and limits the conversation listens for, in one place.

Regular expressions over the member's own words, because consent, deletion and
stopping hang on them and a classifier's guess is not enough there.
"""

from __future__ import annotations

import re

from bot.handover.topics import LABELS

SERVICE_ANSWERS = {
    "ask_cost": "utter_ask_cost",
    "ask_privacy": "utter_ask_privacy",
    "ask_how_it_works": "utter_ask_how_it_works",
    "ask_capabilities": "utter_ask_capabilities",
    "bot_challenge": "utter_bot_challenge",
}
# "Hoe lang duurt het voor iemand reageert?", "wanneer hoor ik iets" (round 18, p80 was told
# to ask the consultant, and read the date one turn later).
WHEN_CONTACT = re.compile(
    r"\bhoe\s+(lang|snel)\s+(duurt|is|zit)\b.{0,40}\b(reageert|reactie|belt|contact|hoor|"
    r"antwoord|terug|iemand|consulent)|\bwanneer\s+(hoor\s+ik|krijg\s+ik\s+(bericht|reactie|"
    r"antwoord|een\s+(belletje|mail|berichtje))|word\s+ik\s+(gebeld|gemaild|geappt|benaderd)|"
    r"belt|neemt|reageert|mailt|appt|kan\s+ik\s+(iets\s+)?verwachten)\b|"
    r"\bhoe\s+snel\s+(belt|reageert|neemt|hoor)\b|"
    r"\bbinnen\s+hoeveel\s+(dagen|tijd)\b", re.I)
# "Krijg ik daar nog een bevestiging van per mail?" (round 18, p80 got "geen goed antwoord"):
# the person gets no e-mail from the bot; only the consultant is notified.
CONFIRMATION_MAIL = re.compile(r"\b(bevestiging|bevestigings\w*|ontvangstbevestiging)\b", re.I)
# "Is het gratis voor leden?", "ik ben al twintig jaar lid" (round 18, p80)
MEMBER_WORDS = re.compile(r"^(?!.*\b(geen|niet|nie|ni|nog\s+geen)\s+(\w+\s+)?(lid|aangesloten)\b)"
                          r".*\b(lid|leden|aangesloten)\b", re.I | re.S)
MISS_INTENTS = ("nlu_fallback", "out_of_scope", "bad_input", "other_language")
FORM_STEPS = ("consent", "about", "name", "channel", "phone", "email", "time", "region", "choices",
              "summary", "summary_edit")
STEP_QUESTIONS = {
    "about": "utter_ask_about",
    "name": "utter_ask_contact_name",
    "channel": "utter_ask_contact_channel",
    "phone": "utter_ask_contact_phone",
    "email": "utter_ask_contact_email",
    "time": "utter_ask_contact_time",
    "region": "utter_ask_region",
    "choices": "utter_ask_choices",
    "summary_edit": "utter_ask_summary_edit",
}
# Texts with a version for Flanders ("<name>_be"): the helpline numbers differ, and
# Noloc is a Dutch register.
BELGIAN_VERSIONS = frozenset({
    "utter_ask_how_it_works", "utter_ask_cost", "utter_ask_privacy",
    "utter_crisis", "utter_crisis_help", "utter_crisis_again", "utter_crisis_declined",
    "utter_crisis_soft", "utter_goodbye_safety", "utter_thank_safety", "utter_conflict_referral",
    "utter_crisis_helpline_failed", "utter_crisis_bot_limit", "utter_crisis_meant_it",
    "utter_no_answer", "utter_no_answer_declined", "utter_no_answer_again",
    "utter_no_answer_again_declined",
    "utter_health_referral", "utter_selfhelp_workload_health",
})
# Responses that tell the person to go to their employer: not for someone who said
# the employer must not know.
EMPLOYER_ADVICE = frozenset({
    "utter_selfhelp_training", "utter_selfhelp_funding", "utter_topic_funding",
    "utter_selfhelp_career_growth", "utter_selfhelp_work_life_balance",
    "utter_selfhelp_retirement", "utter_selfhelp_hr_conversation",
})
# The same advice for someone without work: UWV or the municipality instead of the employer.
NO_WORK_VERSIONS = {
    "utter_selfhelp_training": "utter_selfhelp_training_no_work",
    "utter_selfhelp_funding": "utter_selfhelp_funding_no_work",
    "utter_topic_funding": "utter_topic_funding_no_work",
    # "heb je al gevraagd of je werkgever meebetaalt?" to a man 14 months without work
    # (round 16c, p63)
    "utter_deepen_funding": "utter_deepen_funding_no_work",
    # "Kijk ook wat je uit je huidige werk meeneemt" to a woman twelve years at home
    # (round 18c, p81)
    "utter_topic_career_change": "utter_topic_career_change_no_work",
    "utter_selfhelp_career_change": "utter_selfhelp_career_change_no_work",
    "utter_selfhelp_stuck_try": "utter_selfhelp_stuck_try_no_work",
}
# Already retired, not retiring soon: "Sinds een jaar ben ik met pensioen", "ik bén al
# gepensioneerd", "ik ben vorig jaar met pensioen gegaan"; not "ik ben bijna met pensioen",
# "als ik met pensioen ben" or "over 2 jaar ben ik met pensioen" (round 22, p102).
_RETIRED = r"(met\s+(mijn\s+|m'?n\s+)?pensioen(?!\s+ga\b)|gepensioneerd)\b"
ALREADY_RETIRED = re.compile(
    r"\bik\s+b[eé]n\s+(nu\s+|al\s+|sinds\s+[\w ]{1,20}?\s+|inmiddels\s+|net\s+|vorig\s+jaar\s+|"
    r"vorige\s+maand\s+|een\s+jaar\s+|dus\s+)*" + _RETIRED + "|"
    r"\b(sinds\s+[\w ]{1,20}?\s+|nu\s+|inmiddels\s+)b[eé]n\s+ik\s+(al\s+|nu\s+)?" + _RETIRED + "|"
    r"\bb[eé]n\s+ik\s+(al|nu|inmiddels)\s+" + _RETIRED + "|"
    r"\bsinds\s+(mijn|m'?n)\s+pensioen\b|"
    r"\b(met\s+pensioen|gepensioneerd)\s+ben\s+ik\s+(al|nu|inmiddels)\b",
    re.I)
# Readings that do not fit someone already retired.
NOT_FOR_RETIRED = frozenset({"stuck", "job_insecurity", "flex_contract", "career_growth",
                             "job_crafting", "hr_conversation"})
# The retirement texts for someone already retired.
RETIRED_VERSIONS = {
    "utter_topic_retirement": "utter_topic_retirement_retired",
    "utter_deepen_retirement": "utter_deepen_retirement_retired",
    "utter_deepen_retirement_known": "utter_deepen_retirement_retired",
    "utter_selfhelp_retirement": "utter_selfhelp_retirement_retired",
}
# Who stands for the employer when a person wants something kept from them: "ik wil ni dat
# de hoofdverpleegkundige da al weet" (round 15, p64), "HR mag dit niet weten".
_BOSS_WORDS = (r"werkgever|baas|leidinggevende|chef|directeur|directie|teamleider|manager|hr|"
               r"bedrijf|hoofd\w*|\w+hoofd|\w*verpleegkundige|ploegbaas|meestergast|supervisor|"
               r"ploegleider|teamcoach")


def _kept_from(who: str) -> str:
    """ "ik wil niet dat mijn <who> het weet", in the ways people write it."""
    # "ik wil ni da mijne baas da nu al weet" (round 24, p110: Flemish "da")
    return (r"\b(wil|wilde|wou)\s+(\w+\s+){0,2}?(niet|nie|ni)\s+(dat|da)\s+"
            r"(mijn|mijne|mijnen|m'?n|mn|"
            rf"de|den|het|ons|onze)\s+(\w+\s+){{0,1}}?({who})\b.{{0,80}}?\b(weet|weten|hoort|horen|ziet|zien|"
            r"leest|lezen|te\s+weten\s+komt|te\s+weten\s+komen|merkt)\b")


# The employer must not know: set on the request and shown on the card. One list of who
# counts as the employer (_BOSS_WORDS), shared with SECRET_WISH below.
EMPLOYER_SECRET = re.compile(
    _kept_from(_BOSS_WORDS) + "|"
    rf"\b({_BOSS_WORDS})\w*\s+(mag|moet|hoeft|mogen)\s+((hier|er|het|dit|dat|da|daar|nog|echt)\s+)*(niet|nie|ni|"
    r"niets|niks)\s+((hier|er|daar)?van\s+)?(te\s+)?(weten|horen)|"
    rf"zonder\s+dat\s+(mijn|mijne|mijnen|m'n|mn|de|den)\s+({_BOSS_WORDS})\b|"
    # "liever niet dat mijn baas het weet" (round 20 persona p87's way of saying it)
    rf"\b(niet|ni|nie)\s+dat\s+(mijn|mijne|mijnen|m'n|mn|de|den)\s+({_BOSS_WORDS})\s+(het|dit|dat|da|er\s+\w+)\s+"
    r"(weet|hoort|te\s+horen\s+krijgt)|"
    # "zet erbij dat mijn werkgever het niet mag weten" (round 20, p87's card)
    # "da mijne baas van niks mag weten", "mijne werkgever nog niks mag weten" (round 24, p110)
    rf"\b({_BOSS_WORDS})\s+((het|dit|dat|da|hier|er|nog|al|nu|echt|van)\s+)*(niets|niks|niet|nie|ni)\s+"
    r"((hier|er|daar)?van\s+)?(mag|mogen|hoeft|moet)\s+(te\s+)?(weten|horen)|"
    # "mijne baas weet hier nog niks van", "ik wil echt niet dat mijn werk hiervan hoort"
    # (round 23b, p110 and p113: the wish did not reach the card)
    rf"\b(mijn|mijne|m'n|mn)\s+({_BOSS_WORDS})\s+((weet|hier|er|het|dit|dat|da|nog)\s+)*"
    r"(niets|niks)\s+(hier|er|daar)?(van|af)\b(?=\s*([.,!?]|$|en\b|weet\b|h[eé]\b|hoor\b))|"
    r"\b(niet|ni|nie)\s+dat\s+(mijn|mijne|m'n|mn|ze\s+op)\s+(werk|job)\s+((hier|er|daar)\s+)?"
    r"(iets\s+)?((hier|er|daar)?van\s+)?(iets\s+)?(weet|hoort|te\s+horen\s+krijgt)\b",
    re.IGNORECASE,
)
# Words that name a topic, to hear when a person says it is NOT about that topic
# ("er is geen reorganisatie", "pensioen?? ik ben 27", "het gaat niet over gezin").
TOPIC_WORDS = {
    "retirement": r"pensioen\w*|aow|rvu|stoppen met werken|eerder\s+stoppen|vroegpensioen|"
                  r"vervroegd\w*",
    "job_insecurity": r"reorganisatie|ontslag\w*|op de tocht|boventallig|onzeker\w*",
    "flex_contract": r"flex\w*|tijdelijk\w*|uitzend\w*|nulur\w*|nul\s*uren\w*|oproep\w*|"
                     r"min[\s-]*max\w*",
    "unemployed": r"werkloos|ontslagen|ww|uitkering",
    # "ik bedoelde niet minder uren, ik bedoelde het zorgverlof" is still this topic (round
    # 21b, p95's main topic was taken off her card).
    "work_life_balance": r"gezin|kinderen|mantelzorg\w*|zorgverlof|minder uren|parttime",
    "hr_conversation": r"gesprek\w*(\s+met\s+\w+\s+\w+)?|leidinggevende",
    # "ik ben niet ziek gemeld" says where she stands, not that health is not the topic
    # (round 12, p47); "mijn rug doet pijn" names it again after a denial.
    "workload_health": r"werkdruk|stress|burn-?out|ziek(?!\s*(ge)?meld|\s+thuis)\w*|"
                       r"gezondheid|(rug|nek|schouder)?pijn|klachten",
    "conflict_at_work": r"ruzie|conflict|pesten|gepest",
    "training": r"opleiding|cursus|scholing",
    # "geen opleiding!" also takes out "geld voor een opleiding" (round 7, p32).
    "funding": r"budget|subsidie|geld\s+voor\s+(een\s+)?opleiding|opleiding\w*",
    # "ik wil ook niet ander werk, ik wil doorgroeien" (round 22, p100 heard "Iets heel
    # anders gaan doen is een grote stap").
    "career_change": r"ander vak|ander beroep|overstappen|andere?\s+(werk|baan|job)|iets\s+anders|"
                     r"weg\s+bij\s+(mijn|mn|m'n|de|het)\s+\w+",
    # "niet weer sollicitatietraining" (round 15b, p63 got the topic added); not every
    # "sollicitatie...": "ik krijg geen sollicitatiegesprekken" is the topic itself.
    "job_search": r"solliciter\w*|sollicitatie(training|cursus)\w*|vacature\w*",
    # "ik zit niet vast" (round 8, p27); "geen vast contract" is no denial of it.
    "stuck": r"vastgelopen|vast\s+gelopen|vastzitten|vast\s+zitten|"
             r"vast(?!\s*(contract|baan|dienst|werk|aanstelling|e\b))",
    "career_test": r"test\w*",
    "career_growth": r"doorgroeien|promotie",
}
# "ik zie mij da ni meer doen tot mijn pensioen" is a figure of speech from a 27-year-old who
# wants other work, and "pensioen is nog ver weg" says it is not her topic (round 14b, p59).
# "ik hou dit niet vol tot mijn pensioen" has no such verb and stays a retirement question.
# "pensioen is nog ver weg" says it is not the topic at any age: a guard of 55 with 12 years to
# go got the pension answer twice (round 21, p91).
PENSION_FAR = (r"\bpensioen\w*\s+(is|zijn)\s+(nog\s+)?(heel\s+|echt\s+)?(ver|lang)(\s+weg)?\b|"
               r"\bnog\s+(lang\s+)?niet\s+aan\s+(mijn\s+|m'n\s+)?pensioen\b|"
               r"\bpensioen\w*\b[^.?!]{0,25}\bnog\s+\d+\s+jaar\b")
PENSION_NOT_YET = re.compile(PENSION_FAR, re.I)
NOT_UNTIL_RETIREMENT = re.compile(
    r"\b(niet|nie|ni|nooit)\s+(\w+\s+){0,3}?(doen|werken|blijven|staan|zitten)\s+"
    r"tot\s+(aan\s+)?(mijn|m'n|mn|me|m)\s+pensioen\b|" + PENSION_FAR, re.I)
TOPIC_WORDS["work_life_balance"] += r"|werk en priv[eé]( combineren)?"
# Debts are no money for a training: "mag mijn baas weten van mijn schulden? ze gaan beslag
# leggen" was read as funding at 0.34 and the card said "geld voor een opleiding" (round 13,
# p54). "mijn eigen schuld" is fault, not debt.
DEBT_WORDS = (r"\bschulden\b|\bschuld(hulp\w*|sanering\w*|eiser\w*)\b|\b\w*beslag\b|"
              r"\bdeurwaarder\w*|\bbetalingsachterstand\w*|\bhuurachterstand\w*|\bincasso\w*|"
              r"\baflossen\b")
DEBTS = re.compile(DEBT_WORDS, re.I)
TRAINING_MONEY = re.compile(r"\b(opleiding|cursus|scholing|studie|omscholing|training|diploma|"
                            r"stap|budget|subsidie|leerrekening|studiegeld|lesgeld)\w*", re.I)
DENIAL = (r"(geen|gene|genen|niet|nie|(?<![\w'])ni|niks|niets|gaat\s+niet\s+over|niet\s+om|"
           r"helemaal\s+niet)\s+(\w+\s+){0,2}")
# "vast bij het dc zelf, niet bij t uitzendbureau" says where, it denies no agency work (round
# 25, p121 heard "Ik haal een flexcontract weg"); "ik werk niet bij een uitzendbureau" denies.
PLACE_CONTRAST = re.compile(r"\bbij\b[^.?!]{1,40}\b(niet|nie|ni|geen)\s+bij\s+(\w+\s+){0,2}\w+$",
                            re.I)
# "alsof ik een kind van twaalf ben", "ik heb een master": normal words again (round 23, p114).
NOT_A_CHILD = re.compile(
    r"\balsof\s+ik\s+(\w+\s+){0,3}(kind|kleuter|klein\s+kind|dom|achterlijk)\b|"
    r"\bik\s+ben\s+(toch\s+)?(niet|geen)\s+(dom|kind|kleuter)\b|"
    r"\b(praat|doe)\s+(maar\s+)?(gewoon\s+)?normaal\b|\bik\s+heb\s+(gewoon\s+)?"
    r"(een\s+)?(master|bachelor|hbo|wo|universitair\w*|universiteit)\b|"
    r"\bniet\s+zo\s+(kinderlijk|simpel|betuttelend)\b|"
    # "Ik kan prima lezen hoor", "Normaal Nederlands graag" (round 26, p131)
    r"\bik\s+kan\s+(\w+\s+)?(prima|gewoon|best|heus|heel\s+goed|goed)\s+lezen\b|"
    r"\bnormaal\s+(nederlands|praten)\b", re.I)
# A paper to sign for the day shift, another role or new hours: a change of the contract, not a
# vso ("ze hebben me een papier gegeven voor de dagdienst, moet voor vrijdag getekend"; round
# 26b, p124 read the vso answer for "MOET ik voor vrijdag tekenen of niet" after it).
CONTRACT_CHANGE_PAPER = re.compile(
    r"^(?!.*\b(vaststellings\w*|vso|beëindig\w*|ontslagvergoeding)\b)"
    r"(?=.*\b(teken\w*|getekend|handtekening|papier\w*|wijzigingsvoorstel|nieuw\w*\s+contract)\b)"
    r"(?=.*\b(dagdienst|nachtdienst|ploeg\w*|rooster\w*|functie|wijzigingsvoorstel)\b)",
    re.IGNORECASE)
# On-call work in the person's words, and the contract types that have no end date to note.
ON_CALL = re.compile(r"\b(oproep\w*|op\s+afroep|min[- ]?max\w*|nul[- ]?uren\w*|0[- ]?uren\w*)\b",
                     re.IGNORECASE)
ON_CALL_CONTRACTS = ("oproepcontract", "nulurencontract", "min-max")
# "ik weet echt nie wat ik wil", "geen idee wat ik wil doen" (round 26, p130).
DONT_KNOW_WANT = re.compile(
    # "ik weet nog steeds nie wat ik wil worden" (round 27, p130 got a tip and "Waar kan ik je
    # nog mee helpen?")
    r"\b(weet|wee|weetnie)\s+(ik\s+|k\s+)?(echt\s+|eigenlijk\s+|gewoon\s+|gwn\s+|nog\s+|helemaal\s+|"
    r"steeds\s+|zelf\s+|nu\s+|al\s+)*"
    r"(niet|nie|ni)\s+(\w+\s+){0,2}wat\s+(ik|k)\s+(\w+\s+)?(wil|zou\s+willen)\b|"
    r"\b(geen\s+idee|idk)\s+wat\s+(ik|k)\s+(\w+\s+)?(wil|zou\s+willen)\b", re.IGNORECASE)
# "ik wil in de zorg blijven", "juist niet iets heel anders", "binnen mijn vak": other work in
# the same field (round 26, p126).
STAY_IN_FIELD = re.compile(
    r"\b(in|binnen)\s+(de\s+|het\s+|mijn\s+|m.n\s+|mn\s+)?\w+\s+(blijven|blijf)\b|"
    r"\bbinnen\s+(de\s+zorg|het\s+onderwijs|de\s+logistiek|mijn\s+vak|mijn\s+sector|"
    r"de\s+sector|het\s+bedrijf|mijn\s+bedrijf)\b|"
    # "juist niet iets heel anders", not "ik kan niet anders"
    r"\b(niet|nie|ni|geen)\s+(iets\s+(heel\s+|compleet\s+|totaal\s+)?anders|(heel|compleet|totaal)\s+"
    r"(iets\s+)?anders|ander\s+vak)\b",
    re.IGNORECASE)
# "nee ik neem geen ontslag": resigning ruled out, not the job worry (round 23, p108).
WONT_RESIGN = re.compile(
    r"\b(neem|nemen|ga|zal)\s+(ik\s+)?(\w+\s+)?(geen|niet)\s+(\w+\s+)?(ontslag|opzeggen)\b|"
    r"\bgeen\s+ontslag\s+(te\s+)?(nemen|neem)\b", re.I)
STOP_FORM_WORDS = re.compile(r"\b(stop|stoppen|laat maar|hou op|annuleer|afbreken|"
                              r"wil niet meer|hoeft niet meer|toch niet)\b", re.I)
GOODBYE_WORDS = re.compile(r"^\W*(doei|dag|daag|tot ziens|bye|doeg|salut|salukes|ciao|laters|"
                            r"slaapwel|welterusten|ik ga)\b", re.I)
# "allez ja, da mag gedeeld worden" (round 25b, p128's yes at consent was read as a no)
YES = re.compile(r"^\W*(?:(?:allez|awel|nou|ah|oh|euh|ehm|uhm)\W+)?"
                 r"(ja+|jaa+|jawel|jazeker|jep|jup|yep|yup|yes|ok|oke|oké|okay|prima|goed|"
                  r"klopt|is goed|is prima|dat is goed|dat mag|mag wel|mag|verstuur|doe maar|"
                  r"akkoord|zeker|graag|natuurlijk|tuurlijk|uiteraard|allee|ja hoor)\b", re.I)
# "natuurlijk. eerst betalen." is a sneer, not a yes: such a word alone as a sentence with
# more after it (round 12, p48). "natuurlijk, graag" stays a yes.
SARCASTIC_YES = re.compile(r"^\W*(natuurlijk|tuurlijk|uiteraard|zeker|ja\s+ja|leuk)\s*[.!]+\s*\S",
                           re.I)
# "geef maar door aan een mens", "doe maar": passing the request on, said in words.
PASS_ON = re.compile(r"\b(geef|stuur)\s+(het\s+|dat\s+)?maar\s+door\b|\bdoe\s+(het\s+)?maar\b|"
                     # "Maar ja, u mag het delen met de consulent." (round 14b, p56)
                     # "U mag mijn gegevens delen. Mijn naam is Peter, …" (round 24c, p122)
                     r"\b(je|u|jij|jullie|ge)\s+(mag|mogen|moogt)\s+(het|dat|dit|mijn\s+gegevens|"
                     r"de\s+gegevens|alles)\s+(wel\s+|gerust\s+)?"
                     r"(delen|doorgeven|doorsturen)\b|\bdeel\s+(het|dat|dit)\s+maar\b", re.I)
# A plain yes as its own first sentence, and more after it: "Ja, dat is goed. Maar ...?"
# "Ik zei net al ja", "ik heb toch al ja gezegd" (round 23b, p114)
SAID_YES = re.compile(r"\b(ik\s+)?zei\s+(net\s+|toch\s+)?(al\s+)?ja\b|"
                      r"\bik\s+heb\s+(toch\s+|net\s+)?(al\s+)?ja\s+gezegd\b", re.I)
# A yes, then more: "Ja, dat mag. Moet ik lid zijn?". "Oké" or "goed" alone is a yes only with a
# yes-word in its clause: "Oke, dat helpt een beetje. En stel dat …?" and "ok goed. nog een
# ding. …?" take the answer in, they say no yes to sharing (round 27, p134 and p132 found
# their consent recorded).
YES_THEN_MORE = re.compile(
    r"^\W*(?:(?:ja+|jawel|jazeker|prima|akkoord)\b[^.?!]{0,25}|(?:oké|oke|okay|ok|goed)\b"
    r"(?:[\s,!]*(?:ja|jawel|prima|akkoord|graag|dat\s+mag|mag\s+\w+|is\s+goed|doe\s+maar|"
    r"deel\s+(?:het\s+)?maar|geef\s+(?:het\s+)?maar)\b[^.?!]{0,15})?\s*)[.!]\s+\S", re.I)
# Where someone else lives or works: "Mijn broer woont in Groningen" is no place of hers
# (round 21b, p95's card said "Plaats: Groningen").
OTHERS_PLACE = re.compile(
    r"\b(mijn|m'?n|mn|ons|onze)\s+(broer|zus|moeder|vader|ouders|zoon|dochter|man|vrouw|partner|"
    r"vriend\w*|familie|oom|tante|opa|oma|collega\w*|kinderen|kind)\s+(woont|wonen|werkt|werken|"
    r"zit|zitten)\b", re.I)
# A place taken off the card: "ik woon niet in Ede", "kunt u de plaats weghalen?", "ik wil geen
# woonplaats geven" (round 21, p93).
REGION_OUT = re.compile(
    r"\b(woon|wonen|woont)\s+((helemaal|ook|eigenlijk)\s+)?(niet|nie|ni)\s+in\b|"
    # "Alleen de fabriek is bij Ede, ik woon daar niet" (round 21b, p93)
    r"\b(woon|wonen|woont)\s+(daar|er|hier)\s+((helemaal|ook|eigenlijk)\s+)?(niet|nie|ni)\b|"
    r"\b(woon)?plaats\b[^.?!]{0,40}\b(weg|eruit|weghalen|verwijderen|schrappen|"
    r"(niet|liever\s+niet)\s+(geven|delen|noemen|erop|erin))\b|"
    r"\b(haal|zet|doe)\s+(de\s+|die\s+|mijn\s+)?(woon)?plaats\s+(weg|eruit)\b|"
    r"\bgeen\s+(woon)?plaats\b", re.I)
# What we need from them: "moet ik ook mijn adres of mijn verblijfsvergunning geven?", "wat
# heeft u van mij nodig?" (round 21, p93 got the IND text at the consent step).
DATA_ASKED = re.compile(
    r"\b(moet|hoef|moeten|hoeven)\s+(ik|je|u|we)\s+((ook|dan|nog|daarvoor|hiervoor)\s+)*"
    r"(mijn\s+|m'?n\s+|een\s+|je\s+)?(adres|woonadres|bsn|burgerservicenummer|verblijfsvergunning|"
    r"verblijfspas|paspoort|id|identiteitsbewijs|id-kaart|geboortedatum|achternaam|loonstroken?)\b"
    r"[^.?!]{0,60}\b(geven|sturen|opsturen|versturen|invullen|laten\s+zien|noemen|doorgeven)\b|"
    r"\bwat\s+(heeft|hebt|heb|hebben)\s+(u|je|jij|jullie)\s+(allemaal\s+)?(van\s+mij\s+)?nodig\b|"
    r"\bwat\s+(u|je|jij|jullie)\s+(allemaal\s+)?van\s+mij\s+nodig\s+(heeft|hebt|hebben)\b", re.I)
# "wa? nee nee zeg": a surprised "wat?" before the no (round 22b, p98).
NO_START = re.compile(r"^\W*((wa|wat|huh|hè|he|pardon)\W+)?(nee|neen|niet|nie|no|nope)\b", re.I)
# "dat telt ook hier?", "telt mijn ervaring in nederland": whether experience counts.
COUNTS_HERE = re.compile(r"\btel(t|len)\b.{0,30}\b(hier|nederland|belgi\w*|mee|ook)\b|"
                         r"\b(ervaring|werk|jaren|diploma)\b.{0,60}\btel(t|len)\b", re.I)
# "Krijgt mijn werkgever of de bedrijfsarts te zien wat ik hier schrijf?": the privacy
# promise, whatever the classifier makes of the rest of the message.
PRIVACY_QUESTION = re.compile(
    # Any boss word: "maar mijn hoofdverpleegkundige krijgt hier niks van te zien he?" (round
    # 23c, p116 asked four times and heard a coffee tip).
    rf"\b({_BOSS_WORDS}|werkgever|baas|leidinggevende|chef|hr|bedrijfsarts|arbo\w*|dossier|"
    r"collega'?s|uwv|ziekenhuis)\b"
    r".{0,80}\b(zien|ziet|horen|hoort|lezen|leest|meelezen|weten|terecht|komen|komt|delen|"
    r"gedeeld)\b|\b(vertrouwelijk|anoniem|privacy|meelezen|leest .{0,20} mee)\b|"
    r"\bwie\s+(leest|ziet|krijgt)\b|"
    # "het gaat dus echt niet naar mijn werkgever toe?" (round 14b, p56)
    r"\b(gaat|gaan|komt|komen)\s+(\w+\s+){0,4}(naar|bij)\s+(mijn|m'?n|mn|de|het)\s+"
    r"(werkgever|baas|leidinggevende|chef|hr|bedrijf)\b|"
    r"\bwat\s+(doe|doet|doen)\s+(je|jij|ge|jullie)\s+met\s+"
    r"(mijn|m'?n|mn)\s+(gegevens|nummer|data|naam)", re.I)
TIME_WORDS = re.compile(r"\b(vandaag|morgen|overmorgen|ochtend|middag|avond|\w+dag|"
                         r"week|uur|na|voor|tussen|vanaf|tot|nu|meteen|direct|asap|\d)\b",
                         re.I)
# A day is a preference, also with "maakt niet uit hoe laat" after it (round 7, p32).
DAY_WORDS = re.compile(r"\b(vandaag|morgen|overmorgen|maandag|dinsdag|woensdag|donderdag|"
                       r"vrijdag|zaterdag|zondag|deze\s+week|volgende\s+week)\b", re.I)
# "kun je dat weghalen?" at the summary: something must come out (round 8, p27).
REMOVE_AT_SUMMARY = re.compile(r"\b(weg\s*halen|weghalen|haal\w*\s+(\w+\s+){0,3}weg|eruit|"
                               r"weg\s+(doen|laten))\b", re.I)
# "moment = vandaag", "plaats: Venlo" at the summary: that field, set to that value.
FIELD_VALUE = re.compile(r"\b(moment|tijdstip|tijd|plaats|woonplaats|naam)\s*[:=]\s*([^.,;!?\n]+)",
                         re.I)
# "ben bang dat ik eruit lig", "bang om mijn baan kwijt te raken" (round 13d, p54): the fear
# is heard before any advice about the talk that caused it.
FEAR_OF_DISMISSAL = re.compile(
    r"\b(bang|angst\w*|schrik|vrees)\b.{0,40}\b(eruit\s+(lig|lig\w*|vlieg\w*|gooi\w*|"
    r"gezet|moet)|ontslagen|ontslag|(baan|werk|job|contract)\s+(\w+\s+){0,2}(kwijt|verlie\w*)|"
    r"op\s+straat)", re.I)
# "Ik ben eerlijk gezegd zo moe van alle onzekerheid" (round 14, p56 got a tip and not one
# word that she was heard). Not a crisis: "moe van alles" is handled as possible by bot.nlu.
WEARY = re.compile(r"\b(zo\s+|echt\s+|heel\s+)?(moe|op|kapot|uitgeput|gesloopt)\s+van\s+"
                   r"(al\s+)?(die|dat|de|het|deze|dit|alle|al)\b|\blig\s+(er\s+)?(\w+\s+)?wakker\b|"
                   r"\bslaap\s+(er\s+)?(\w+\s+)?slecht\b|\bvreet\s+(\w+\s+)?energie\b|"
                   # "ik ga er langzaam aan onderdoor" (round 22d, p103, off with burn-out)
                   r"\b(ga|gaat)\s+(er\s+)?(\w+\s+){0,2}(aan\s+)?onderdoor\b|\bonderdoor\s+(ga|gaat)\b|"
                   r"\b(lig|ben)\s+(ik\s+)?(weer\s+)?(een\s+dag\s+)?plat\b", re.I)
# "het zijn er te veel op een dag en je moet overal binnen 20 min klaar zijn" (round 18, p68):
# too much work in too little time, said as a story.
TOO_MUCH_WORK = re.compile(r"\b(te\s+veel|teveel)\s+(\w+\s+){0,3}(op\s+een|per|in\s+een|op\s+1)\s+"
                           r"(dag|dienst|ochtend|middag|week|route)\b|\bbinnen\s+\d+\s*(min|minuten)\b|"
                           r"\b(te\s+veel|teveel)\s+(clienten|cliënten|klanten|patiënten|patienten|"
                           r"bewoners|adressen|taken)\b|\bgeen\s+tijd\s+(voor|om)\b|"
                           # "ik heb vandaag 14 clienten gehad", "ik loop altijd achter" (18b)
                           r"\b(1[2-9]|[2-9]\d)\s+(clienten|cliënten|klanten|patiënten|patienten|"
                           r"bewoners|adressen)\b|\b(loop|lopen)\s+(\w+\s+)?achter\b|"
                           # "de planning zit helemaal vol en als er iemand ziek is krijg je er
                           # nog 3 bij en dan sta je om 7 uur s avonds nog te rapporteren" (19)
                           r"\bplanning\s+(zit|is|staat)\s+(\w+\s+)?(vol|overvol|propvol)\b|"
                           r"\b(krijg|krijgen|krijgt)\s+(je|ik|we|wij)\s+er\s+(nog\s+)?\w+\s+bij\b|"
                           r"\b(om|tot)\s+\d+\s+uur\s+(('?s\s+)?avonds\s+)?nog\s+(\w+\s+){0,3}"
                           r"(rapporter\w*|werken|bezig)\b", re.I)
# "Laat maar. Bedankt, ik zoek het zelf wel uit.", "Ik laat het hierbij, bedankt." (round 14,
# p58 got a topic menu twice): leaving.
SELF_SOLVE = re.compile(r"\bik\s+(zoek|puzzel|pluis)\s+het\s+(\w+\s+){0,2}uit\b(?!.*\?)|"
                        r"\bik\s+red\s+me\s+(wel|zelf)\b|"
                        r"\bik\s+laat\s+het\s+(hier\s*bij|daarbij|hierbij|zo)\b(?!.*\?)", re.I)
# Words that make a question health data (special category): such a question is never copied
# into the request; "gezondheid speelt mee" is all the card says of health.
# A diagnosis, also of someone else: "Mijn moeder heeft dementie" went on p71's card (round 16).
DIAGNOSES = (r"kanker|dementie|alzheimer\w*|parkinson\w*|beroerte|herseninfarct|hartaanval|"
             r"hartinfarct|diabetes|suikerziekte|autis\w*|adhd|verslav\w*|diagnose|aandoening")
# Sleep is health too: "ik slaap er slecht van" was quoted on the card, and stayed after two
# requests to leave it out (round 16b, p66).
SLEEP = r"slaap\w*|slapen|sliep\w*|slapeloos\w*|wakker\s+lig\w*|lig\s+(\w+\s+)?wakker"
HEALTH_WORDS = re.compile(
    rf"\b({TOPIC_WORDS['workload_health']}|{DIAGNOSES}|{SLEEP}|zwanger\w*|depress\w*|overspannen|"
    r"psych\w*|medicij\w*|arts|huisarts|knie\w*|rug|therap\w*|operatie|"
    # Re-integration says she is on sick leave (round 19, p82's card quoted it twice).
    r"re-?integr\w*|bedrijfsarts\w*|arbo-?arts\w*|ziekgemeld|ziek\s*melden|ziekteverlof|"
    # Tears are no question for the card (round 17, p68's crying was quoted under "Je vroeg").
    r"huil\w*|janken|jank|tranen|"
    # "dan krijg ik al buikpijn als ik aan maandag denk" went on p125's card (round 25b)
    r"\w+pijn\w*|misselijk\w*|"
    r"zelfmoord|suïcid\w*|dood)\b", re.I)
# "meteen" and "nu" are urgent only about contact: "wil nu weer aan het werk, maar ik weet niet
# of iemand op mij zit te wachten" and "ze zien meteen dat gat" made a returner's ticket high
# (round 18c, p81). "geen haast" and "niet dringend" are the opposite.
URGENT = re.compile(
    r"(?<!geen\s)(?<!niet\s)(?<!niet\szo\s)\b(dringend|spoed|zo snel mogelijk|vandaag nog|asap|"
    r"haast)\b|\b(nu|meteen|direct|gelijk)\s+(\w+\s+){0,3}(bel|belt|bellen|spreken|terugbellen|"
    r"contact|praten)\b|\b(bel|belt|bellen|spreken|terugbellen|contact|praten)\s+(\w+\s+){0,2}"
    r"(nu|meteen|direct)\b(?!\s+(niet|geen)\b)", re.I)
# "ik neem morgen ontslag", "morgen wil ik opzeggen": a decision that cannot wait for "uiterlijk
# woensdag" (round 19b, p84's ticket was normal, due in three days).
RESIGN_SOON = re.compile(
    r"\b(morgen|vandaag|vanavond|overmorgen|deze\s+week|nu\s+meteen)\b.{0,40}\b(ontslag|opzeg\w*|"
    r"op\s+te\s+zeggen)\b|\b(ontslag|opzeg\w*)\b.{0,40}\b(morgen|vandaag|vanavond|overmorgen|"
    r"deze\s+week)\b|\bzeg\s+(ik\s+)?(morgen|vandaag)\s+(\w+\s+)?op\b", re.I)
# "Kan de consulent mij vóór vrijdag spreken?": a question about when, with a deadline in
# it (round 11, p46 got "geen goed antwoord" twice).
CONSULTANT_WHEN = re.compile(
    r"\b(kan|kun|kunt|wanneer|hoe\s+snel|hoe\s+lang)\b.{0,30}\b(consulent|iemand|mens)\b.{0,40}"
    r"\b(spreken|bellen|bereiken|mailen|contact|reageren|terug)\b", re.I)
# "Uiterlijk vrijdag is te laat. Kan dat eerder, morgenochtend?" after the request is sent
# (round 12, p46): a wish for sooner contact, not a new topic.
CONTACT_SOONER = re.compile(
    r"\bte\s+laat\b|\b(kan|kun|kunt|mag)\b.{0,40}\b(eerder|sneller)\b|"
    r"\b(eerder|sneller|morgen\w*)\s+(\w+\s+){0,2}(bellen|mailen|contact|spreken)\b|"
    r"\b(bellen|mailen|spreken)\b.{0,30}\bv[oó]{1,2}r(dat)?\s+ik\s+(teken|beslis)", re.I)
GOODBYE_END = re.compile(r"(?:^|[.!,]\s*)dag\W*$|"  # "nee. dag!" (round 6, p31)
                         # "Ik wacht wel op dat telefoontje. Goedemiddag." (round 10, p42)
                         r"[.!,]\s*(goedemiddag|goedenavond|goedemorgen)\W*$|"
                         r"\b(doei|daag|tot\s+ziens|bye|doeg|ciao|salut?|salukes|saluut|houdoe|groetjes|"
                          r"fijne\s+(dag|avond|weekend)(\s+nog)?|welterusten|goedendag|"
                          r"tot\s+later)\W*$", re.I)  # not "groeten": letters end so
DELETE_WORDS = re.compile(r"\b(wis\w*|verwijder\w*|vergeet|vergeten|gegevens|delete|"
                          r"haal\s+(\w+\s+){0,2}weg|"
                           r"weg\s*halen|weg\s*gooien|weggooi\w*|weg\s+ermee|opruimen)\b",
                           re.I)
BOT_QUESTION = re.compile(
    r"\b(wie|wat|wa)\s+(ben|zijt|zij)\s+(jij|je|gij|ge)\b|\bvan\s+welke\s+(vakbond|bond)\b|"
    r"\b(ben|bent|zijt)\s+(je|jij|u|gij|ge)\s+(nu\s+)?(een\s+)?(echte?\s+)?"
    r"(mens|robot|bot|chatbot|computer|adviseur|persoon)\b|"
    r"\b(praat|chat|spreek)\s+ik\s+(nu\s+)?met\s+een\s+(echte?\s+)?(mens|robot|bot|chatbot|"
    r"computer|persoon)\b", re.I)
# The question sentences of a message ("Kost het geld, ja of nee? En bent u een chatbot?").
QUESTION_SENTENCE = re.compile(r"[^?.!\n]*\?")
NO_CONSULTANT = re.compile(
    r"\b(geen|niet)\s+(\w+\s+){0,2}(consulent|gesprek|coach|afspraak)\b|"
    r"\balleen\s+(wat\s+)?informatie\b|\bwil\s+(niemand|geen\s+mens)\b", re.I)
# Chat words that are never a name, however they are typed.
FILLER = frozenset({
    "ja", "nee", "ok", "oke", "oké", "okay", "doe", "maar", "gwn", "gewoon", "zei", "zeg",
    "ik", "toch", "al", "haha", "hihi", "top", "prima", "goed", "hoor", "he", "hè", "jij",
    "je", "u", "mijn", "naam", "is", "de", "het", "een", "dat", "dus", "nou", "ff", "even",
    "wel", "niet", "geen", "dank", "bedankt", "dankjewel", "dankuwel", "merci", "thanks",
    "helder", "duidelijk", "super", "fijn", "mooi", "hallo", "hoi", "hey",
})
OVERWHELMED = re.compile(r"\bweet\s+(het\s+)?(even\s+)?niet\s+meer\b|\beven\s+niet\b|"
                          r"\bte\s+veel\b|\bmoe\s+van\s+alles\b", re.I)
# "Kunt u de ziekte van mijn moeder eruit laten?", "Het woord dementie staat er nog steeds
# in" (round 16, p71: the card kept the diagnosis after two requests).
HEALTH_OUT = re.compile(r"gezondheid.{0,40}\b(weg|niet|hoeft|eruit)\b|"
                        rf"\b(ziekte|{DIAGNOSES}|{SLEEP})\b.{{0,60}}\b(weg\w*|eruit|er\s+uit|"
                        r"niet\s+(in|bij)|sta(at|an)\s+er\s+(\w+\s+)?(nog\s+)?(steeds\s+|altijd\s+)?in)\b|"
                         r"\b(moet|hoeft)\b.{0,40}gezondheid", re.I)
# A question after a fact or a rule ("mag dat?", "wat is de bijstand?"), not a doubt
# ("moet ik daar gewoon weg?"): without an answer for it, an honest "I don't know".
FACT_QUESTION = re.compile(
    r"\b(wat\s+(is|zijn|betekent|kost|houdt)|wie\s+(is|regelt|betaalt|beslist)|mag\s+(dat|dit|hij|"
    r"zij|ze|mijn|m'?n|de|het|ik)|krijg\s+ik|heb\s+ik\s+recht|hoeveel|hoe\s+lang|hoelang|"
    r"is\s+(dat|dit|het)\s+(wel\s+)?(toegestaan|verplicht|legaal|normaal))\b", re.I)
# "ja. ik kan echt niet meer zo...": worn out, said without a topic word (round 10, p43).
NO_STRENGTH = re.compile(r"\bik\s+(kan|trek|hou|houd)\s+(het\s+)?(echt\s+|gewoon\s+|bijna\s+)?"
                         r"(niet|nie)\s+meer\b|"
                         # "ik ben gewoon op. echt op" (round 11, p43)
                         r"\bik\s+ben\s+(gewoon\s+|echt\s+|helemaal\s+|zo\s+)?(op|kapot|uitgeput|"
                         r"doodmoe|leeg|gesloopt)\b(?=\s*([.!,…]|$|echt|gewoon))", re.I)
# Worn out, said of work: "ik kan niet meer", "ik weet niet hoe lang ik dit nog volhoud".
# After a no to the check question it is believed as such (round 16, p68).
WORN_OUT = re.compile(rf"{NO_STRENGTH.pattern}|\bhoe\s+lang\s+(ik\s+)?(dit|het)\s+nog\s+"
                      r"(volhoud|vol\s+hou|trek)\b", re.I)
# Working (or living) in the Netherlands: Dutch rules apply, also for a Flemish speaker (p04).
WORKS_IN_NL = re.compile(r"\b(werk|werken|job|baan|werkgever|woon|wonen)\b[^.?!]{0,30}"
                         r"\b(in\s+nederland|in\s+nl|in\s+holland|over\s+de\s+grens)\b", re.I)
# "ik weet niet of ik hier goed zit": doubt about the place, not feeling stuck (round 9, p27).
RIGHT_PLACE = re.compile(
    r"\bweet\s+(\w+\s+){0,2}niet\s+of\s+(ik\s+hier\s+(wel\s+)?(goed|juist|aan\s+het\s+"
    r"(goede|juiste)\s+adres)|dit\s+(wel\s+)?de\s+(goede\s+|juiste\s+)?plek\s+is)|"
    r"\bben\s+ik\s+hier\s+(wel\s+)?(goed|aan\s+het\s+(goede|juiste)\s+adres|op\s+de\s+"
    r"(goede|juiste)\s+plek)\b|\bis\s+dit\s+(wel\s+)?de\s+(goede\s+|juiste\s+)?plek\s+(om|voor|waar)\b|"
    r"\bzit\s+ik\s+hier\s+(wel\s+)?goed\b", re.I)
# "ff kort pls" asks for fewer words, not easier ones: a fluent speaker is no learner of Dutch
# (round 20b, p86 read "In makkelijke woorden" as talking down).
ASKS_SHORTER = re.compile(r"\b(ff\s+|even\s+)?kort(er)?\s+(aub|pls|please|graag|alsjeblieft|"
                          r"alstublieft)\b", re.I)
# "De vraag is simpel: mag dat zomaar?" describes the question; it asks for no easier words
# (round 22b, p103, a policy officer, read "In makkelijke woorden" five times after it).
# "Da's een beetje makkelijk" calls our answer lazy (round 26, p131).
SIMPLER = re.compile(r"\b(?<!niet )(?<!nie )(?<!is )(?<!was )(?<!heel )(?<!beetje )(?<!te )"
                     r"(?<!nogal )(?<!erg )(?<!wel )"
                     r"(?!(?:makkelijk|simpel|eenvoudig)\w*\s+gezegd)"
                     # "Laat ik het simpel houden: wat kost lid worden?" is his own plan, not a
                     # wish for easier words (round 23, p114 read "In makkelijke woorden" 3 times)
                     r"(?!(?:makkelijk|simpel|eenvoudig|kort)\w*\s+(?:te\s+)?houden)"
                     # "mailen is het makkelijkst voor mij" names a channel, it asks for no
                     # easier words (round 25, p116's yes to the offer was lost)
                     r"(?!(?<=het\s)(?:makkelijkst|simpelst|eenvoudigst)\w*)"
                     # "Simpele vraag dan: betaalt mijn werkgever …" describes the question
                     # (round 26, p131 read "In makkelijke woorden" from then on)
                     r"(?!(?:makkelijk|simpel|eenvoudig)\w*\s+(?:vraag|vraagje)\b)"
                     r"(makkelijk\w*|simpel\w*|eenvoudig\w*|simple|"
                      r"easy|easier|langzaam\w*|"
                      # "te lang tekst. kan simpel?" (round 19c, p83); not "ik werk er te lang"
                      r"te\s+lang\w*\s+(tekst|verhaal|bericht\w*|antwoord\w*)|(tekst|verhaal|"
                      r"antwoord\w*|bericht\w*)\s+(is\s+|zijn\s+)?te\s+lang|te\s+veel\s+tekst|"
                      # "veel tekst, moeilijk" (round 20b, p83)
                      r"veel\s+(tekst|woorden)|moeilijke?\s+(tekst|woorden)|"
                      # "ff kort pls" (round 20, p86)
                      rf"{ASKS_SHORTER.pattern}|"
                      r"begrijp\s+(het\s+)?niet|snap\s+(het\s+)?niet|"
                      # "mijn nederlands is niet goed genoeg" (for a job): her story (p70)
                      r"nederlands\s+is\s+niet\s+goed(?!\s+genoeg))\b", re.I)
# An explicit ask for easier words, not "makkelijker werk": "simple please", "kan makkelijk?",
# "in simpele woorden aub" (round 20, p88's "simple please ... 1 week is ok or not ok?" got
# "geen goed antwoord").
ASKS_EASIER = re.compile(r"\b(simpel\w*|simple|easy|easier|makkelijk\w*|eenvoudig\w*)\s+(aub|"
                         r"alsjeblieft|alstublieft|please|pls|graag|woord\w*|zeggen|uitleggen|nederlands|taal)\b|\b(kan|kun|kunt|"
                         r"can|zeg|leg)\b.{0,20}\b(simpel\w*|simple|makkelijk\w*|eenvoudig\w*)\b(?!\s+"
                         r"(werk|baan|job))|^\W*(simpel\w*|simple|makkelijk\w*|eenvoudig\w*)\b(?!\s+(werk|"
                         r"baan|job))|te\s+lang\w*\s+(tekst|verhaal|bericht\w*|antwoord\w*)|te\s+veel\s+"
                         r"(tekst|woorden)|\bveel\s+(tekst|woorden)|moeilijke?\s+(tekst|woorden)|"
                         rf"{ASKS_SHORTER.pattern}", re.I)
ADVICE_QUESTION = re.compile(r"\b(wat\s+kan\s+ik\s+((nu|zelf|al|dan|alvast)\s+){0,3}doen|tips?|"
                              r"hoe pak ik|hoe kan ik|"
                              # "maar wat moet ik nou doen" (round 16, p68)
                              r"wat\s+moet\s+ik\s+(nou\s+|nu\s+|dan\s+)?doen|wat raad je|"
                              # "wat moet ik dan" (round 19, p68)
                              r"wat\s+moet\s+ik\s+(dan|nu|nou)\s*\??\s*$|"
                              # "waar moet ik eigenlijk mee beginnen", "kan jij me niet een
                              # beetje op weg helpen?", "hoe weet je nou wat bij je past??",
                              # "wat zou jij doen als je 24 bent" (round 15, p66)
                              r"waar\s+(moet|kan|zal)\s+ik\s+(\w+\s+){0,2}beginnen|"
                              # "hoe begin ik daar dan mee?" after naming the work he
                              # wants (round 21, p90 got "geen goed antwoord")
                              r"\b(hoe|waar)\s+(begin|start)\s+ik\b|"
                              r"\bhoe\s+(moet|kan)\s+ik\s+(\w+\s+){0,2}(beginnen|starten)\b|"
                              r"op\s+weg\s+helpen|wat\s+zou\s+(jij|u|gij)\s+doen|"
                              r"hoe\s+weet\s+(je|ik|u)\s+(nou\s+|dan\s+)?wat\s+bij\s+"
                              r"(je|me|mij|u)\s+past|hoe\s+kom\s+ik\s+(daar\s+|er\s+)?achter)\b",
                              re.I)
# Topics where a question without an answer in the knowledge base is mostly a doubt said
# aloud ("ik heb het gevoel dat ik de verkeerde keuze heb gemaakt??"): the next step helps,
# "dat weet ik niet zeker" does not (round 15, p66 got it three times).
SOFT_TOPICS = frozenset({"stuck", "career_change", "career_growth", "job_crafting"})
# "denk jij dat ik gewoon moet blijven?": a choice only the person can make (round 15b, p66
# got "Dat kan ik je ook niet zeker zeggen").
YOUR_CHOICE = re.compile(
    r"\b(denk|vind)\s+(jij|je|u|gij)\s+(\w+\s+)?dat\s+ik\b|\bwat\s+zou\s+(jij|u|gij)\s+kiezen\b|"
    r"\bmoet\s+ik\s+(nou\s+|gewoon\s+|dan\s+|echt\s+)*(blijven|weggaan|stoppen|overstappen)\b",
    re.I)
# A visa or residence permit that hangs on the job: the IND decides, not us (round 15b, p65
# got the BBL text for "mag ik blijven in nederland?").
RESIDENCE = re.compile(
    r"\b(visum|visa|verblijfsvergunning\w*|verblijfsrecht|residence\s+permit|work\s+permit|"
    r"kennismigrant\w*|immigratie\w*|immigration|(?<![\w.])ind(?![\w.]))\b|"
    r"\bmag\s+ik\s+(nog\s+)?(in\s+nederland\s+)?blijven\s+(in\s+)?(nederland|hier)\b|"
    r"\bmoet\s+ik\s+(dan\s+)?(weg\s+uit\s+(nederland|belgi\w*|holland|europa)|het\s+land\s+"
    r"uit)\b", re.I)
# Working at a school, said of oneself: "Ik geef al veertien jaar economie op een middelbare
# school", "ik ben docent" (round 24, p114's card had no sector, and he was sent to the
# "ondernemingsraad"). Not "mijn zoon zit op school".
SCHOOL_WORK = re.compile(
    # Not "ik ben 45 en wil leraar worden": where he wants to go.
    r"\bik\s+(geef|werk|sta|ben)\s+((?!(wil|wou|zou|graag|ga)\b)\w+\s+){0,6}?(les\b|op\s+(een|de|"
    r"onze)\s+(\w+\s+)?school\b|(docent|leraar|lerares|leerkracht|juf|meester)\b(?!\s+(te\s+)?"
    r"worden))|\b(werk|werkte)\s+als\s+(docent|leraar|lerares|leerkracht)\b", re.I)
# The worry that asking makes trouble at work: "ik wil eigenlijk ook niet dat het gedoe wordt
# hoor met mn werk", "ik wil geen ruzie of klacht" (round 24b, p109).
NO_FUSS = re.compile(
    r"\b(wil|wilde)\s+(\w+\s+){0,3}?(niet|nie|ni)\s+(dat|da)\s+(het|er|dat|da)\s+(\w+\s+){0,2}?"
    r"(gedoe|ruzie|moeilijk\w*|gezeik|gezeur|heisa|een\s+probleem|problemen|slecht\s+valt)\b|"
    r"\b(wil|wilde)\s+(\w+\s+){0,2}?geen\s+(gedoe|ruzie|heisa|problemen)\b", re.I)
# The fear of being taken less seriously for working fewer hours: "ik ben vooral bang dat ze me
# dan minder leuk vinden, of dat ik niet meer serieus genomen word als ik minder ga werken"
# (round 26b, p134 got the consent text, then "Toestemming betekent …").
JUDGED_FEAR = re.compile(
    r"^(?=.*\b(bang|zorgen|angst|vrees|eng)\b)"
    r"(?=.*\b(minder\s+(serieus|leuk|waard|kansen)|niet\s+(meer\s+)?(serieus|gemotiveerd)|"
    r"anders\s+(bekijken|behandelen|aankijken|naar\s+me\s+kijken))\b)", re.I | re.S)
PART_TIME_WORRY = re.compile(
    JUDGED_FEAR.pattern +
    r"(?=.*\b(minder\s+(uren|uur|(ga\s+|gaan\s+)?werken)|parttime|deeltijd\w*|\d+\s+uur|"
    r"ouderschapsverlof)\b)", re.I | re.S)
# A permit one has, said as who one is: "ik heb mijn verblijfsvergunning al zes jaar", "met
# een verblijfsvergunning sinds 2019" (round 24, p111 got the IND answer for a UAF question).
HAS_PERMIT = re.compile(
    r"\bik\s+heb\s+(mijn\s+|een\s+|m'?n\s+|mn\s+)?(verblijfsvergunning|"
    r"status|vergunning)\s+(al|sinds|nu\s+al)\s+(\w+\s+){0,2}?(jaar|jaren|\d{4})\b|"
    r"\b(verblijfsvergunning|status)\s+(al\s+)?(\w+\s+)?(jaar|sinds\s+\d{4})\b", re.I)
# "ik ben gewoon afgeschreven", "het heeft toch geen zin om nog te solliciteren": discouragement
# about work, heard before anything else (round 15b, p63 got a job-search routine and "Dank je
# dat je dat vertelt").
DISCOURAGED = re.compile(
    r"\bafgeschreven\b|\b(heeft|het)\s+(toch\s+|allemaal\s+)?geen\s+zin\s+(meer\s+)?om\s+"
    r"(nog\s+)?(te\s+)?solliciter\w*|\bniemand\s+wil\s+een\s+\w+\s+van\s+\d\d\b|"
    r"\bniemand\s+neemt\s+(mij|me)\s+(nog\s+)?aan\b|"
    # "31 jaar gewerkt en nu ben ik niks meer", "wat moet een man van 58 nog", "wie neemt er
    # nou nog iemand van 58 aan" (round 16, p69 got a planning tip and "weet ik niet zeker").
    r"\b(nu\s+)?ben\s+ik\s+(niks|niets)\s+meer\b|\bik\s+ben\s+(niks|niets)\s+(meer\s+)?waard\b|"
    r"\bwat\s+moet\s+een\s+(man|vrouw|vent|mens|iemand)\s+van\s+\d\d\s+nog\b|"
    r"\bwie\s+neemt\s+(er\s+)?((nou|nu|nog)\s+)*(iemand|een\s+\w+)\s+van\s+\d\d\s+aan\b|"
    # "Wie wil er nou iemand van 58." (round 22e, p99's card quoted it as his question).
    r"\bwie\s+wil\s+(er\s+)?((nou|nu|nog)\s+)*(iemand|een\s+\w+)\s+van\s+\d\d\b|"
    # "ik ben 47, wie gaat mij nog pakken" (round 16b, p72 got pension texts)
    r"\bwie\s+(gaat|wil|zal)\s+(mij|me)\s+nog\s+(pakken|nemen|aannemen|willen|hebben)\b|"
    r"\bwie\s+neemt\s+(mij|me)\s+nog\b", re.I)
# Doubt about one's age for work, within a discouraged statement ("wat moet een man van 58
# nog", "wie neemt er nou iemand van 58 aan"): answered with AGE_ANSWER (round 16d, p69).
# "Ik ben 47, wie neemt mij nog" too (round 23, p112 heard about lost pleasure in his work).
AGE_DOUBT = re.compile(r"\b(iemand|een\s+(man|vrouw|vent|mens))\s+van\s+[4-6]\d\b|\bte\s+oud\b|"
                       r"\bik\s+ben\s+(al\s+|nu\s+)?[4-6]\d\b(?!\s*(uur|jaar\s+(bij|in|op|aan)))|"
                       r"\bop\s+mijn\s+leeftijd\b|\bop\s+mijn\s+[4-6]\d(e|ste)?\b", re.I)
AGE_ANSWER = "werk_zoeken_als_oudere"
# What made the check question a must: affairs put in order, a farewell. After a no, the way to
# 113 is still said once (round 16, p69: "ik heb alles geregeld", then nothing).
PREPARED = re.compile(r"\b(geregeld|op\s+orde|afscheid\w*|testament|nergens\s+zorgen|"
                      r"brieven?\s+(liggen\s+)?klaar|weggegeven)\b", re.I)
# "misschien later" to the offer: not now, and no goodbye (round 16, p69 got "Tot ziens!").
OFFER_LATER = re.compile(r"^\W*((misschien|mss|nu\s+niet|nog\s+niet)\W+)?(later|een\s+andere\s+"
                         r"keer|een\s+volgende\s+keer)(\W+misschien)?\W*$", re.I)
# The load of the work in the person's words, for "werkdruk" on the card (round 21).
WORKLOAD_WORDS = re.compile(
    r"\b(werk\s*druk|werkstress|stress\w*|druk|drukte|te\s+veel\s+(werk|uren|diensten)|"
    r"overuren|overwerk\w*|burn-?out|overspannen|hollen|onderbezet\w*|personeelstekort|"
    r"tempo|deadlines?|werkdag\w*\s+te\s+lang)\b", re.I)
# Wanting to grow in the words of the person: without them, "14 jaar teamleider daar en nu dit"
# from a man whose function may go is no wish to grow (round 21, p94 heard "Mooi dat je verder
# wilt groeien").
GROWTH_WORDS = re.compile(
    r"\b(groei\w*|doorgroei\w*|promotie|hogerop|carri[eè]re|verder\s+komen|volgende\s+stap|"
    r"leiding\s+geven|leidinggeven|ambitie\w*|meer\s+verantwoordelijkheid|hogere?\s+functie|"
    r"uitdaging|doorstromen|opklimmen)\b", re.I)
# The cost of a thing, not of this service: "dat bedoel ik niet, wie betaalt de opleiding?"
COSTS_OF_A_THING = re.compile(
    r"\b(opleiding\w*|cursus\w*|school|lesgeld|collegegeld|cursusgeld|schoolgeld|mbo|hbo|"
    r"studie\w*|master|examen\w*|toets\w*|aanvraag|diploma\w*|"
    r"bootcamp\w*|huur|verhuizing|advocaat|rechtszaak|certifica\w*)\b", re.I)
# Caring for someone at home: "mijn moeder heeft dementie en ik zorg elke avond voor haar"
# (round 21, p95's tears were read as the load of her work, which she likes).
CARES_FOR_FAMILY = re.compile(
    r"\bmantelzorg\w*|\bdementie\b|\balzheimer\b|\bzorg\w*\s+(\w+\s+){0,8}?voor\s+(haar|hem|"
    r"(mijn|m'?n|mn)\s+(moeder|vader|ouders|man|vrouw|partner|kind\w*|zoon|dochter|broer|zus|"
    r"schoon\w+|oma|opa))\b", re.I)
# "Mijn leidinggevende is wel aardig hoor" is no conflict (round 21, p95 was asked what
# happened and how long it had been going on).
BOSS_IS_KIND = re.compile(
    r"\b(leidinggevende|baas|chef|manager|teamleider|werkgever|collega\w*)\s+(is|zijn)\s+"
    r"((wel|heel|echt|best|erg|gewoon|juist)\s+)*(aardig|lief|fijn|prima|goed|top|behulpzaam|"
    r"begripvol|oké|ok|redelijk|vriendelijk)\b", re.I)
# Tears about work: named back, not met with a menu (round 16d, p68: "tussen door huil ik in
# de auto" got "werk anders inrichten, of overstappen?").
CRIES = re.compile(r"\b(huil\w*|janken|jank|in\s+tranen|grien\w*|zit\s+te\s+snikken)\b", re.I)
# "Mijn teamleider zegt: iedereen heeft het druk" (round 16d, p68 got only a tip).
EVERYONE_BUSY = re.compile(r"\b(iedereen|we|wij|allemaal)\s+(heeft|hebben)\s+het\s+"
                           r"(toch\s+|nu\s+|gewoon\s+|allemaal\s+)*druk\b", re.I)
# A complaint of one's own body or mind: then, and only then, the line that we cannot diagnose
# and who can (round 16d, p68 got it about a busy schedule, right after a line saying the same).
HEALTH_COMPLAINT = re.compile(
    rf"\b({DIAGNOSES}|{SLEEP}|klacht\w*|(hoofd|rug|nek|schouder)?pijn\w*|uitgeput|uitputting|"
    r"burn-?out|overspannen|depress\w*|ziek\s+van|ziekgemeld|ziek\s+thuis|ben\s+ziek|"
    r"hartkloppingen|duizel\w*|paniek\w*|lijf|lichaam|"
    # "mijn rug wil niet meer, ik ben al twee keer uitgevallen" (round 25, p126's long story
    # got "Daar heb ik geen goed antwoord op")
    r"(rug|knie\w*|schouder\w*|nek|heup\w*)\s+(wil|kan|doet)\s+(het\s+)?(niet\s+meer|pijn)|"
    r"(twee|drie|\d)\s+keer\s+uitgevallen|weer\s+uitgevallen)\b", re.I)
# "ik slaap er ook echt slecht van de laatste tijd" (round 15b, p66 got nothing, round 15 the
# burn-out text): heard in one line.
SLEEPS_BADLY = re.compile(r"\b(slaap|sliep|slapen)\s+(er\s+)?(ook\s+)?(echt\s+|heel\s+|soms\s+)?"
                          r"(slecht|niet|nauwelijks|amper)\b|\blig\s+(\w+\s+){0,3}wakker\b", re.I)
# Concrete steps after the first tip of a topic, in order, for who asks on.
# "mijn teamleider zegt iedereen heeft het druk", then "wat moet ik dan": a step past the
# manager (round 19, p68 got "Waar kan ik je nog mee helpen?" and the bot's capabilities).
NEXT_STEPS = {"stuck": ("utter_selfhelp_stuck_next", "utter_selfhelp_stuck_try"),
              "workload_health": ("utter_selfhelp_workload_health_next",)}
VIOLENCE = re.compile(r"\b(sla|slaan|timmer|mep|schop)\b.{0,30}\b(hem|haar|die|z'?n|zijn|"
                       r"in elkaar)\b|op\s+(z'?n|zijn|haar)\s+bek", re.I)
WITHDRAW = re.compile(r"\b(intrekken|intrek|annuleren|annuleer|schrappen|hoeft niet meer|"
                       r"weg\s*halen)\b", re.I)
NO_PREFERENCE = re.compile(r"\b(maakt\s+(me\s+)?niet\s+uit|geen\s+voorkeur|weet\s+(ik\s+)?niet"
                            r"|maakt\s+niks\s+uit|altijd|wanneer\s+je\s+wil)\b", re.I)
SKIP_ANSWER = re.compile(r"\b(zeg\s+ik\s+liever\s+niet|liever\s+niet|geen\s+idee|sla\s+over"
                          r"|overslaan|"
                          # "Ik heb geen zin om alles aan een bot uit te leggen" (round 18b, p80:
                          # her refusal became her topic and her own words on the ticket)
                          r"geen\s+zin\s+om\s+(\w+\s+){0,5}?uit\s+te\s+leggen|"
                          r"(vertel|bespreek|leg)\s+ik\s+(\w+\s+){0,3}?(zelf|liever)\b)\b", re.I)
FIXED_TERM = re.compile(
    r"\bcontract\w*\s+(van|voor)\s+(\d+|een|één|1|half|zes|drie|twee)\s+(jaar|maand\w*|weken)\b|"
    r"\b(\d+|een|één|half|zes|drie|twee)\s*(jaar|maanden?)\s*(contract|kontrakt)\b|"
    r"\b(jaar|maand|halfjaar)contract\b", re.I)
# "Zet erbij dat ...", "kunt u toevoegen dat ...": an addition to the request's summary.
ADD_TO_REQUEST = re.compile(
    r"\b(kun\w*|kan|wil)\s+(je|u|jij|ge)\s+(er\s*bij|dat\s+erbij|ook)?\s*(zetten|toevoegen|"
    r"vermelden|opschrijven|noteren)\b|\b(zet|schrijf)\s+(er\s*)?(ook\s+)?bij\b|"
    # "zet er werkdruk bij aub" (round 17b, p68 got the button hint)
    r"\b(zet|schrijf)\s+er\s+(ook\s+)?(\w+\s+){1,3}bij\b|"
    r"\berbij\s+(zetten|schrijven)\b|\btoevoegen\b|\baanvullen\b|"
    # "kamer ook erbij aub" (round 15b, p61)
    r"\book\s+erbij\b(\s+(aub|a\.u\.b\.?|graag|alsjeblieft|alstublieft|pls|svp))?", re.I)
# A date by which something must happen ("ik moet voor vrijdag tekenen", "uiterlijk eind
# volgende maand"), when the NLU tagged none; bot.handover.dates_nl reads it.
DEADLINE_PHRASE = re.compile(
    r"\b(?:voor|vóór|uiterlijk|per|eind|binnen)\s+(?:(?:de|het|deze|volgende|komende|van)\s+)*"
    r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|morgen|overmorgen|week|"
    r"maand|\d{1,2}\s+[a-z]{3,9}|\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?)\b|"
    # "ik moet morgen tekenen", "morgen ik moet tekenen" (round 27, p135's ticket had no date).
    r"\b(?:morgen|overmorgen|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b"
    r"(?=\s+(?:\w+\s+){0,3}?(?:tekenen|teken|ondertekenen|handtekening|beslissen|antwoorden)\b)",
    re.I)
ENGLISH_REQUEST = re.compile(r"\b(?:kan|kun|spreek|praat)\w*\s+(?:u|je|jij|ge)\s+(?:ook\s+)?"
                             r"(?:engels|english)\b|\b(?:in\s+)?english\s+please\b|"
                             r"\bdo\s+you\s+speak\s+english\b|"
                             # "kan in english? my dutch not so good" (round 15, p61)
                             r"\b(?:kan|kun|mag)\s+(?:het\s+|dit\s+|dat\s+)?(?:ook\s+)?in\s+"
                             r"(?:het\s+)?(?:engels|english)\b|\bspeak\w*\s+english\b|"
                             r"^\W*(?:in\s+)?(?:english|engels)\W*$|"
                             # "sorry i dont understand good dutch. english ok?" (round 22b, p96
                             # got "Daar weet ik helaas niets van")
                             r"\b(?:english|engels)\s+(?:ok|oke|okay|possible|is\s+ok\w*)\b|"
                             r"\b(?:you|u)\s+(?:can|speak)\s+english\b", re.I)
# "can someone call me in English?", "spreekt de consulent engels?" (round 15, p65 got the
# language notice twice and then nothing).
# "ok. yes i want talk with consulent please" (round 18, p78 read the language notice again)
ENGLISH_WISH = re.compile(
    r"\b(want|would\s+like|wanna|need|like)\s+(to\s+)?(talk|speak|contact|see|meet)\b.{0,30}"
    r"\b(consulent\w*|consultant|someone|somebody|person|human|advisor|adviser)\b|"
    r"\b(talk|speak)\s+(with|to)\s+(a\s+|the\s+)?(consulent\w*|consultant|human|person|advisor)\b",
    re.I)
CONSULTANT_ENGLISH = re.compile(
    r"\b(?:consulent\w*|consultant|someone|somebody|iemand|person|mens)\b.{0,40}"
    r"\b(?:engels|english)\b", re.I)
# "Is er iemand die Pools spreekt?", "spreekt consulent Pools": asked of the people behind us.
CONSULTANT_OTHER = re.compile(
    r"\b(?:consulent\w*|consultant|someone|somebody|iemand|person|mens)\b", re.I)
THANKS_WORDS = re.compile(r"dank|bedankt|thanks|thank|thx|merci|gracias|danke|dzi[eę]kuj[eę]|"
                          r"obrigado|top|super|fijn|mooi|prima|"
                          r"geholpen|👍|🙏|❤|😊|chapeau|tof", re.I)
# "Doorgroeien klopt niet", "solliciteren wil ik helemaal niet": a denial after the word.
# "onzeker ni, ik heb nen vaste job" (Flemish, the no after the word; round 22c, p106 got the
# job-at-risk answer).
DENIAL_AFTER = (r"(\s+(niet|nie|ni)\b(?=\s*[,.!;]|\s+(hoor|he|hè|eigenlijk|hoe)\b)|"
                r"[^.?!]{0,25}\b(klopt\s+(ook\s+|echt\s+)?(niet|nie|ni)|"
                r"wil\s+ik\s+(helemaal\s+|echt\s+)?(niet|nie)|slaat\s+nergens\s+op|hoeft\s+(er\s+)?niet\s+(in|bij)|moet\s+eruit|"
                r"mag\s+(weg|eruit)|is\s+(het\s+)?niet\s+(waar|van\s+toepassing)))")
# At the summary: "verstuur maar", "stuur het maar op": send, whatever else is said.
SEND_WORDS = re.compile(r"\b(verstuur|versturen|stuur\s+(het|maar|dan)|opsturen|"
                        r"mag\s+(zo\s+)?(weg|verstuurd)|"
                        # "ja laat maar zo" at the card keeps it as it is (round 16c, p68 got
                        # "Wil je stoppen met je aanvraag?")
                        r"laat\s+(het\s+|dat\s+)?maar\s+(zo|staan)|zo\s+laten)\b"
                        r"(?!\s+(niet|nog\s+niet))", re.I)
# Words that talk about the summary itself: never the summary's own text.
# "ik wil het aanpassen" is about the card; "… of ik mijn werktijden kan aanpassen zonder
# minder te verdienen" is what the request is about (round 16, p71 lost that sentence).
META_WORDS = re.compile(r"\b(klopt|staat\s+er|eigen\s+woorden|samenvatting|verstuur\w*|"
                        r"tekst)\b|^\W*(\w+\W+){0,4}aanpassen\W*$", re.I)
# "jullie doen toch ook niks. betaal ik daar contributie voor" (round 14, p60 heard "Deze chat
# is gratis"): anger at not being helped, heard as such, not a price question.
NOT_HELPED = re.compile(
    # "en jullie kunnen toch ook niks", "dat helpt me niet" (round 17, p76 got "Dank je dat je
    # dat vertelt.")
    r"\b(jullie|je|u)\s+(doen|doet|kunnen|kan|kunt)\s+(toch\s+)?(ook\s+)?(gewoon\s+)?(niks|niets)\b|"
    r"\b(dat|dit|je|het)\s+helpt\s+(me|mij)\s+(niet|niks|niets)\b|"
    r"\bbetaal\s+ik\s+(daar|daarvoor|hiervoor|dan)\s+(\w+\s+)?contributie\b|"
    r"\bwaar\s+betaal\s+ik\s+(dan\s+)?(\w+\s+)?contributie\s+voor\b|"
    # "laat maar. ik wist het wel, heb je niks aan" (round 25, p124 heard "Wat vervelend dat je
    # niet meer met plezier naar je werk gaat")
    r"\b(ik\s+)?(heb|hebben)\s+(ik\s+|we\s+|je\s+|jij\s+|ge\s+)?(hier\s+|daar\s+)?(echt\s+)?"
    r"(niks|niets)\s+aan\b",
    re.I)
# "Moet ik naar een coach?", "heb ik een loopbaancoach nodig?": a question about whether help
# is needed, not a request for it (round 14, p58 went straight to the consent question).
SHOULD_I_GET_HELP = re.compile(
    r"\b(moet|zou|moeten)\s+(ik|je|we)\s+(dan\s+|daarvoor\s+|eigenlijk\s+)*(naar|bij)\s+"
    r"(een\s+)?(loopbaan)?(coach|consulent|adviseur)\w*|"
    r"\bheb\s+(ik|je)\s+(\w+\s+){0,2}(loopbaan)?(coach|consulent)\w*\s+nodig\b", re.I)
# "ik wil graag met een consulent praten", "doe toch maar": yes to a person.
# "kan dat ook via de mail?" before the form: yes, and the way is noted (round 23, p109 heard
# "Dat weet ik niet zeker").
CHANNEL_ASKED = re.compile(
    r"\bkan\s+(dat|het|da|dit)\s+(ook\s+)?(via|per|over|met|op)\s+(de\s+|een\s+)?"
    r"(?P<channel>mail|e-?mail|whatsapp|app|telefoon)\b|"
    r"\bkunnen\s+(jullie|ze|die)\s+(me|mij)\s+(ook\s+)?(?P<verb>mailen|e-?mailen|appen|bellen)\b",
    re.I)
# A request put as a question: "kan iemand van jullie me gwn even helpen hiermee?" (round 23)
HELP_FROM_YOU = re.compile(r"\bkan\s+(er\s+)?iemand\s+van\s+jullie\s+(me|mij)\s+(\w+\s+){0,3}"
                           r"helpen\b", re.I)
# "mag ik bij een consulent terecht?", "kan ik met iemand praten?": asked, and meant as a request
# (round 24, p116: "ik vroeg of ik met een consulent kan praten").
ASK_TO_TALK = re.compile(r"\b(kan|mag)\s+ik\s+(eens\s+|ook\s+|nu\s+)?(met|bij)\s+"
                         r"(iemand|een\s+mens|een\s+(loopbaan)?consulent)\s+(\w+\s+){0,4}?(praten|spreken|terecht)\b|"
                         r"\b(vroeg|vraag)\s+of\s+ik\s+(met|bij)\s+(iemand|een\s+mens|een\s+(loopbaan)?"
                         r"consulent)\s+(\w+\s+){0,4}?(kan|mag)\s+(praten|spreken)\b", re.I)
CONSULTANT_WISH = re.compile(
    # "doe dan maar die consulent, die weet het vast beter" (round 21b, p91)
    r"\bdoe\s+(dan\s+)?(toch\s+)?maar\s+(die|een|de|zo'?n)\s+(consulent|mens|gesprek)\b|"
    r"\b(wil|zou)\s+(\w+\s+){0,2}graag\s+(met\s+)?(een\s+)?(consulent|mens)\b|"
    # "Ik zou eigenlijk ook graag eens met zo'n loopbaanconsulent praten", "ik zou dat graag
    # eerst met een consulent van jullie voorbereiden" (round 16c, p71)
    r"\b(wil|zou)\s+(\w+\s+){0,3}graag\s+(\w+\s+){0,2}(met|bij)\s+(een\s+|zo'?n\s+|die\s+|de\s+)?"
    r"(loopbaan)?consulent\b|"
    r"\bgraag\s+(met\s+)?iemand\s+(spreken|praten)\b|\b(consulent|mens)\s+graag\b|"
    # "maar laat maar, ik wil wel met zo'n consulent praten ja", "Dan wil ik wel met zo iemand
    # van jullie praten", "Die loopbaanconsulent van eerder. Dat wil ik wel" (round 22b, p101
    # heard "Prima, dan geef ik je alleen informatie", p99 asked three times)
    # "Dan wil ik graag wel met zo iemand praten ja" (round 27c, p137 got "geen goed antwoord")
    r"\bwil\s+(ik\s+)?(graag\s+)?wel\s+(graag\s+)?(met|bij)\s+(een\s+|zo'?n\s+|die\s+|de\s+|zo\s+)?((loopbaan)?consulent|"
    r"iemand|mens)\b|"
    r"\b(loopbaan)?consulent\b[^.?!]{0,30}[.!]?\s*dat?\s+wil\s+ik\s+(wel|graag)\b|"
    # "Dan die consulent maar. Voor werk zoeken en dat cv", "da gesprek met ne consulent van
    # daarjuist, da wil ik wel" (round 23, p99 got "Dank je dat je dat vertelt", p110 cv tips)
    r"\b(dan|toch)\s+(die|een|de|zo'?n|ne|nen)\s+(loopbaan)?consulent\s+maar\b|"
    # "Dat gesprek met een consulent wil ik dan toch wel" (round 23b, p99 got a vacancy tip)
    r"\b(gesprek|consulent)\b[^.?!]{0,30}\bwil\s+ik\s+(dan\s+)?(toch\s+)?(wel|graag)\b|"
    # "Nou. Dan maar met zo'n consulent praten. Over werk zoeken." (round 22e, p99 got a tip)
    r"\b(dan|toch)\s+maar\s+(met|bij)\s+(een\s+|zo'?n\s+|die\s+|de\s+|zo\s+)?((loopbaan)?"
    r"consulent|iemand|mens)\b[^.?!]{0,20}\b(praten|spreken|in\s+gesprek)\b|"
    r"(?:^|[.,!?]\s*)doe\s+(het\s+)?(toch\s+)?maar\b(?!\s+wat)|"
    r"\bik\s+wil\s+(met\s+)?(een\s+)?(consulent|mens)\b|"
    # "kan iemand van jullie me gwn even helpen hiermee?" (round 23, p109)
    rf"{HELP_FROM_YOU.pattern}|"
    # "ik denk dat ik beter eens met iemand van de vakbond praat … kan da?", "ik vroeg of ik
    # met een consulent kan praten" (round 24, p116 got a self-help tip twice)
    r"\b(beter|liever|eens|graag|wel)\s+(eens\s+)?met\s+(iemand|een\s+mens|een\s+(loopbaan)?"
    r"consulent)\s+(van\s+(de\s+|het\s+)?(vakbond|bond|jullie|acv|abvv|aclvb|fnv|cnv)\s+)?"
    r"(praat|praten|spreek|spreken)\b|"
    rf"{ASK_TO_TALK.pattern}|"
    r"\b(wel|graag|toch)\s+iemand\s+(spreken|van\s+(jullie|da|dat|het|de)\b)|"
    # "laat maar iemand van jullie naar mijn cao kijken dan" (round 14, p60)
    r"\b(laat|mag)\s+(maar\s+)?(een\s+|de\s+|die\s+)?(consulent|iemand|mens)\s+(\w+\s+){0,5}"
    r"(contact|bellen|mailen|opnemen|meekijken|meedenken|helpen|kijken)\b|"
    # "ja laat da maar eens bekijken door iemand dan", "ik wil da iemand van de vakbond mij
    # belt" (round 20, p85, Flemish: the first got a menu, the second a career switch)
    # "ik zou het wel prettig vinden als iemand van de bond eens met mij meekijkt" (20b, p87)
    r"\b(prettig|fijn|goed|fijner)\s+(\w+\s+)?als\s+iemand\s+(\w+\s+){0,6}(meekijkt|meedenkt|"
    r"belt|mailt|helpt|contact\s+opneemt)\b|"
    r"\blaat\s+(da|dat|het)\s+maar\s+(eens\s+)?(be)?kijken\s+door\s+(iemand|een\s+mens|"
    r"een\s+consulent)\b|\b(wil|zou\s+willen)\s+(graag\s+)?(da|dat)\s+iemand\s+(\w+\s+){0,5}"
    r"(mij|me)\s+(belt|mailt|appt|contacteert|helpt)\b|"
    # "je weet ook niks he. nou vooruit dan maar zo'n gesprek. mail maar" (round 15, p63)
    r"\b(vooruit|oke?|oké|ok|goed|dan)\s+(dan\s+)?(toch\s+)?maar\s+(zo'?n|een|dat|het)\s+"
    r"gesprek\b|\bik\s+wil\s+(toch\s+)?(wel\s+)?(dat|zo'?n|een)\s+gesprek\b|"
    # "Ik wil graag contact met een consulent", "laat die consulent maar meekijken" (round 11)
    r"\b(wil|zou)\s+(\w+\s+){0,2}(graag\s+)?contact\s+met\s+(een|de|die)\s+(consulent|mens)\b|"
    # "misschien moet ik toch met iemand praten over werk", "Misschien is het dan toch goed als
    # ik met zo'n consulent praat" (round 16b, p69, p71)
    r"\b(moet|wil|zou|kan)\s+ik\s+((toch|maar|misschien|eens|beter|dan)\s+)*met\s+(iemand|een\s+mens|"
    r"een\s+consulent|zo'?n\s+consulent|die\s+consulent|jullie\s+consulent)\s+(\w+\s+){0,2}"
    r"(praten|spreken)\b|"
    r"\b(goed|beter|fijn)\s+als\s+ik\s+met\s+(een|zo'?n|die|de)\s+(loopbaan)?consulent\s+"
    r"(praat|spreek)\b|"
    # "Ik denk dat ik dan toch het liefst even met zo'n consulent praat" (round 18c, p81 got
    # "Dat klinkt niet makkelijk")
    r"\b(liefst|liever|graag)\s+(\w+\s+){0,2}met\s+(een|zo'?n|die|de|jullie)\s+(loopbaan)?"
    r"consulent\s+(\w+\s+)?(praat|praten|spreek|spreken)\b|"
    # "ik bedoel dat gesprek met die consulent, dat wil ik wel" (round 16, p66)
    r"\b(gesprek|praten|contact)\s+met\s+(die|de|een|zo'?n)\s+(loopbaan)?consulent\b"
    r".{0,30}\b(wil\s+ik\s+(wel|graag)|lijkt\s+me\s+(wel\s+)?(fijn|goed))\b|"
    # "ik wil gewoon dat iemand me belt", "misschien wel dat iemand me belt" (round 13c, p54)
    r"\b(wil|zou\s+willen|graag|misschien\s+(wel\s+)?)\s*((?!(niet|nie|ni|geen)\b)\w+\s+){0,3}"
    # "goed. dan wil ik wel dat die consulent belt" (round 16d, p69: "Ik zie hier geen aanvraag")
    r"dat\s+(er\s+)?(iemand|die\s+consulent|de\s+consulent|een\s+consulent|jullie)\s+"
    # "ok. dan wil ik toch wel dat iemand belt" (round 16c, p69 got a topic question)
    r"((me|mij)\s+)?(belt|opbelt|mailt|appt|terugbelt)\b",
    re.I)
# "de jongste zit nog op school": a child's school is not the person's sector (round 7b).
SECTOR_OF_OTHERS = re.compile(r"\b(kind\w*|zoon|dochter|jongste|oudste|man|vrouw|partner|"
                              r"vriend\w*|zus|broer|moeder|vader)\b(\s+\w+){0,4}\s*$", re.I)
# Words before a sector that make it a wish, not a job: "wil naar het onderwijs".
# "misschien opleiden of iets in de zorg" (round 13b, p53, a car salesman) is a wish too.
# A study is no sector worked in: "gestopt met mbo ict" (round 17, p73's card said "Je werkt
# in de ICT"); nor a wish to teach (p75, a nurse, got "Je werkt in het onderwijs").
SECTOR_WISH = re.compile(r"\b(wil|willen|wil\s+graag|overstappen|switchen|omscholen|naar|"
                         r"misschien|liefst|liever|zou|iets\s+in|mbo|hbo|opleiding|studie|"
                         r"school|gestopt\s+met|lesgeven|leraar|leerkracht|docent)\b"
                         r"(?!.*\b(werk|zit)\b)", re.I)
# "kan ik dan nie beter met pensioen gaan": a question about the topic, no denial of it.
ASKING_BEFORE = re.compile(r"\b(kan|kun|mag|moet|zou|kunnen|mogen)\s+(ik|je|ge|we)\s+"
                           r"(dan\s+|toch\s+|eigenlijk\s+)?$|"
                           # A question that starts "heb je niet …", "is er geen …": "heb je
                           # niet gewoon een test die zegt wat ik moet doen" asks for a test
                           # (round 24, p118's test answer was dropped as a denied topic).
                           r"(^|[.!?]\s*)(heb|hebt|hebben|is|zijn|bestaat|bestaan)\s+"
                           r"(je|jij|jullie|u|ge|gij|er)\s+(dan\s+|toch\s+|echt\s+)?$", re.I)
# "ik woon in belgie he": where the person lives, said as a statement.
# Dots alone ("...", "…", ". . ."): a silence, someone searching for words (round 13d, p54).
SILENCE = re.compile(r"[\s.…]*[.…][\s.…]*")
# A question tag, no question: "geen hollandse regels, ik ben belg. verstaan?"
TAG_QUESTION = re.compile(r"\b(verstaan|begrepen|snap\s+je|duidelijk|ok[eé]?|he|hé|hoor)\s*\?+\s*$",
                          re.I)
LIVES_IN_BELGIUM = re.compile(r"\b(woon|werk|wonen|werken|zit|zitten)\w*\s+(\w+\s+){0,3}"
                              r"(belgi|vlaander)|"
                              # "ik ben belg. geen hollandse regels", "nie met dien uwv" (20b, p85)
                              r"\bik\s+ben\s+(een\s+)?(belg|vlaming)\b|\bgeen\s+(hollandse|nederlandse)\s+"
                              r"regels\b|\b(nie|niet)\s+met\s+(dien|die|de|het)\s+uwv\b", re.I)
# The two choices before the summary (issues 12 and 15): may the consultant read the earlier
# chat, and may we ask once later whether it helped. The buttons send
# /inform{"share_history": true, "follow_up": false}; typed answers are read here. Anything
# else is no answer, and no answer is no.
CHOICE_PAYLOAD = re.compile(r'^/inform\{\s*"share_history"\s*:\s*(true|false)\s*,\s*'
                            r'"follow_up"\s*:\s*(true|false)\s*\}$', re.I)
CHOICES_NONE = re.compile(
    r"^\W*((nee|neen|no|nope)(\W+(allebei|beide|beiden|alle\s*twee|hoor|dank\s*je|"
    r"liever\s+niet|niet))*|(allebei|beide|beiden|alle\s*twee)\s+(nee|niet)|"
    r"geen\s+van\s+(beide|beiden|allebei|tweeën)|liever\s+niet|geen\s+van\s+twee)\W*$", re.I)
CHOICES_BOTH = re.compile(
    r"^\W*(ja\W+)?(allebei|beide|beiden|alle\s*twee)(\W+(ja|goed|prima|oké|oke|ok|mag|"
    r"graag|hoor))*\W*$|^\W*ja\W+(allebei|beide|beiden|alle\s*twee)\b(?!\W+(nee|niet))", re.I)
CHOICES_CHAT_ONLY = re.compile(r"\balleen\s+(de\s+|die\s+|het\s+|mijn\s+)?(eerdere\s+)?"
                               r"(chat|lezen|meelezen|gesprek|delen)\b", re.I)
CHOICES_LATER_ONLY = re.compile(r"\balleen\s+(het\s+|de\s+)?(later|navragen|nav\w+|"
                                r"(later\s+)?vragen)\b", re.I)


# A yes said with a word of no: "allebei ja, geen probleem" was read as no to both (round
# 13, p52).
_YES_WITH_NO = re.compile(r"\b(geen\s+(probleem|punt|bezwaar|enkel\s+probleem)|no\s+problem|"
                          r"niet\s+erg|waarom\s+(niet|nie|ni)|(dat\s+)?maakt\s+(me\s+|mij\s+)?"
                          r"(niet|nie|ni|niks)\s+uit)\b", re.I)
# "En ik zei allebei ja", "beide ja", "allebei nee" at the card: both choices, and nothing
# for the person's own words (round 13, p52).
_BOTH_CLAUSE = re.compile(
    r"^\W*(en\s+|maar\s+|dus\s+)?((ik\s+)?(zei|zeg|had|heb)\s+(\w+\s+){0,2}?(toch\s+|al\s+|net\s+)?"
    r"(gezegd\s+)?)?(toch\s+)?((ja|nee|neen)\W+)?(allebei|beide|beiden|alle\s*twee)"
    r"(\W+(ja|nee|neen|oké|oke|ok|prima|goed|graag|mag|hoor|gezegd))*\W*$", re.I)


def _yes_said_with_no(text: str) -> str:
    return _YES_WITH_NO.sub(" oké ", text)


def read_choices(text: str) -> tuple[bool, bool] | None:
    """(share_history, follow_up) from a button or a typed answer; None when unclear."""
    text = (text or "").strip()
    payload = CHOICE_PAYLOAD.match(text)
    if payload:
        return payload[1].lower() == "true", payload[2].lower() == "true"
    text = _yes_said_with_no(text)
    chat, later = CHOICES_CHAT_ONLY.search(text), CHOICES_LATER_ONLY.search(text)
    if chat or later:
        return (True, False) if chat and not later else (False, True) if later and not chat \
            else None
    if CHOICES_NONE.match(text):
        return False, False
    if CHOICES_BOTH.match(text):
        return True, True
    return _choices_in_words(text)


# Round 7: "allebei ja is goed", "Dat mag allebei.", "chat niet. later vragen mag wel",
# "liever niet dat ze alles lezen… later vragen mag wel" all got "Dat snap ik niet".
_CHOICE_CLAUSES = re.compile(r"[.,;!?…]+|\s+(?:maar|en|of)\s+", re.I)
_ABOUT_CHAT = re.compile(r"\b(chat|gesprek|lezen|lees|leest|meelezen|eerdere?)\b", re.I)
_ABOUT_LATER = re.compile(r"\b(later|navragen|vragen|vraag|hoe\s+het\s+ging)\b", re.I)
_BOTH_WORDS = re.compile(r"\b(allebei|beide|beiden|alle\s*twee|allebij)\b", re.I)
_SAYS_NO = re.compile(r"\b(niet|nie|ni|nee|neen|geen|hoeft\s+niet|liever\s+niet)\b", re.I)
_SAYS_YES = re.compile(r"\b(mag|mogen|ja|goed|prima|oké|oke|ok|graag|akkoord|top|fijn|"
                       r"is\s+goed|dat\s+mag)\b", re.I)


_INDIFFERENT = re.compile(r"\b(boeit|maakt)\s+(me\s+|mij\s+)?(echt\s+)?(niet|nie|ni)(\s+uit)?\b|"
                          r"\bkan\s+(me|mij)\s+(niet|nie|ni)\s+schelen\b", re.I)


def _polarity(clause: str) -> bool | None:
    if _SAYS_NO.search(clause):
        return False
    return True if _SAYS_YES.search(clause) else None


def changed_choices(text: str) -> dict[str, bool]:
    """At the summary, only the choices the message names: "chat NIET delen" changes the
    first and leaves the second (round 7b, p36 could not switch sharing off)."""
    changes: dict[str, bool] = {}
    for clause in _CHOICE_CLAUSES.split(_yes_said_with_no(text)):
        polarity = _polarity(clause)
        if polarity is None:
            continue
        if both_choices_clause(clause):
            changes.setdefault("share_history", polarity)
            changes.setdefault("follow_up", polarity)
            continue
        if _ABOUT_CHAT.search(clause) and re.search(r"\b(chat|gesprek)\w*", clause, re.I):
            changes.setdefault("share_history", polarity)
        elif re.search(r"\b(later|navragen)\b", clause, re.I):
            changes.setdefault("follow_up", polarity)
    return changes


def both_choices_clause(clause: str) -> bool:
    """ "ik zei allebei ja", "beide nee": both choices at once, in a clause of its own."""
    return bool(_BOTH_CLAUSE.match(clause)) and _polarity(clause) is not None


def _choices_in_words(text: str) -> tuple[bool, bool] | None:
    """Each choice read from the clause that names it; a choice not named is a no (no
    answer is no), but at least one must be clearly answered."""
    # "boeit nie, allebei ja": indifference is no "nie" for either choice (round 17, p73's
    # "allebei ja" was stored as two noes).
    text = _INDIFFERENT.sub(" ", text)
    if _BOTH_WORDS.search(text) and not (_ABOUT_CHAT.search(text) and _ABOUT_LATER.search(text)):
        clauses = _CHOICE_CLAUSES.split(text)
        clause = next(c for c in clauses if _BOTH_WORDS.search(c))
        both = _polarity(clause)
        if both is None:
            both = _polarity(text)
        if both is None:
            return None
        chat, later = both, both
        for other in clauses:
            # "beide goed maar chat liever niet": the choice named on its own wins.
            if other is not clause and _polarity(other) is not None:
                if _ABOUT_CHAT.search(other):
                    chat = bool(_polarity(other))
                elif _ABOUT_LATER.search(other):
                    later = bool(_polarity(other))
        return chat, later
    chat: bool | None = None
    later: bool | None = None
    for clause in _CHOICE_CLAUSES.split(text):
        if _ABOUT_CHAT.search(clause) and chat is None:
            chat = _polarity(clause)
        elif _ABOUT_LATER.search(clause) and later is None:
            later = _polarity(clause)
    if chat is None and later is None:
        return None
    return bool(chat), bool(later)


# "dat andere van net komt er niet in he": what they said before stays out of the request.
KEEP_OUT = re.compile(r"\b(dat\s+andere|dat\s+van\s+(net|daarnet|eerder)|"
                      r"wat\s+ik\s+(net|eerder|daarnet)\s+(zei|schreef))\b.{0,40}\b(niet|nie|ni)\b.{0,15}\b(in|erin|bij|erbij|delen|"
                      r"doorgeven)\b", re.I)
# Our own options, answered in a word: (topic of the question, words, knowledge entry).
MENU_ANSWERS = (
    ("unemployed", r"\b(uitkering|ww|geld)\b", "ww_voorwaarden"),
    ("flex_contract", r"\bfase", "uitzend_fases"),
)
# "is mijn aanvraag nu rond?" in the middle of the form: not yet, and what is missing.
# "na 6 uur savonds ben ik klaar met rijden" (round 13b, p49) is the end of a working day.
REQUEST_STATUS = re.compile(r"\b(aanvraag|verzoek)\b.{0,30}\b(rond|klaar|verstuurd|verzonden|"
                            r"binnen|gelukt)\b|\b(ben|zijn)\s+(we|ik)\s+(nu\s+)?klaar\b"
                            r"(?!\s+(met|van|om)\b)", re.I)
# Only digits, spaces, dashes and a plus: part of a phone number, maybe the first half.
PHONE_PART = re.compile(r"^\+?[\d\s\-/().]{2,}$")
# "Zo bedoel ik het niet": the crisis answer was a misreading.
MISREAD_WORDS = re.compile(
    r"\b(bedoel\w*|verkeerd\w*|niet\s+zo|nie\s+zo|zo\s+niet|niet\s+wat\s+ik|"
    r"geen\s+(zelfmoord|suic\w*|doodswens)|niet\s+(dood|van\s+kant|zelfmoord)|"
    r"ik\s+(wil|ga)\s+(me|mezelf)\s+niet|denk\s+ik\s+niet\s+aan|over\s+werk)\b", re.I)
# An answer to the check question that says no in words ("zo bedoel ik het niet"), and
# one that laughs it off ("grapje, laat maar"): the second keeps 113 in view (113's advice).
# "zo bedoel ik da toch ni" (Flemish, round 22b: p98 got the 1813 line after it).
NOT_MEANT = re.compile(r"\b(zo\s+bedoel\w*\s+ik\s+(het\s+|da\s+|dat\s+|dit\s+)?(toch\s+)?"
                       r"(helemaal\s+|echt\s+)?(niet|nie|ni)|"
                       r"niet\s+zo\s+bedoeld|"
                       r"bedoel\w*\s+(ik\s+)?(het\s+)?(niet|nie|ni)\s+zo)\b", re.I)
# After a crisis statement (round 6, p33): "nee ik meen het" says it stands; "113 helpt
# niks" asks for another way, not the same number again; "wat heb jij daar mee te maken"
# questions the bot, not the statement.
MEANT_IT = re.compile(r"\b(ik\s+)?(meen|meende)\s+(het|dat|dit)\b|\b(echt\s+)?serieus\b|"
                      r"\bgeen\s+grap\b", re.I)
HELPLINE_FAILED = re.compile(
    r"\b(113|1813|zelfmoordlijn|crisislijn|huisarts|hulplijn)\b.{0,40}\b(helpt|hielp|helpen|"
    r"hielpen)\s+(\w+\s+)?(niks|niets|niet|nooit)\b|"
    r"\b(113|1813)\b.*\bal\s+(eens\s+|vaker\s+|vaak\s+|een\s+keer\s+)?gebeld\b|"
    r"\b(113|1813)\b.*\b(had|heb)\s+ik\s+(niks|niets)\s+aan\b|"
    r"\bal\s+(eens\s+|vaker\s+|een\s+keer\s+)?(113|1813)\s+gebeld\b", re.I)
HELPLINE_MENTION = re.compile(r"\b(113|1813|0800-?0113|zelfmoordlijn|crisislijn)\b", re.I)
CHALLENGES_BOT = re.compile(
    r"\bwat\s+(heb|hebt|heeft)\s+(jij|je|gij|ge)\s+(daar|er|hier)\s+(\w+\s+)?mee\s+te\s+maken\b|"
    r"\bwat\s+weet\s+(jij|je|een\s+bot)\s+(daar\s+|er\s+)?(nou\s+)?(van|over)\b|"
    r"\b(je|jij)\s+bent\s+(maar|toch\s+maar|gewoon)\s+een\s+(bot|robot|computer)\b", re.I)
# "ja graag. bel me vandaag nog aub": a yes to our offer, whatever the classifier makes
# of "vandaag" (round 6, p32: read as a goodbye); "nu nog nie", "nee merci": a no.
# "hmm misschien", "weet ik nog niet", "misschien wel ja": a doubt about the offer, no yes
# and no no (round 15c, p66 got "Sorry, dat begreep ik niet goed").
OFFER_MAYBE = re.compile(r"^\W*((hmm+|uhm*|pff+|nou|ja|oke?|ok)\W+)*(misschien|weet\s+(ik\s+)?"
                         r"(het\s+)?(nog\s+)?(niet|nie|ni)|twijfel|geen\s+idee|kweenie|idk|"
                         # "mwah" (round 26, p130 read "Waar kan ik je nog mee helpen?")
                         r"mwa+h*|mwoa+h*|tja+|pfff*t?|weet\s+niet\s+hoor|"
                         r"denk\s+er\s+nog\s+over\s+na)\b(\W+\w+){0,3}\W*$", re.I)
# What parents, a partner or friends think of the person's work: their opinion, not a fact
# about the person ("een vast contract is toch fijn zeggen ze"; round 15c, p66).
# An opinion is advice about what to do: "mijn ouders vinden dat ik moet blijven", "mijn vrouw
# zegt ik moet gewoon doorrijden". "mijn man zegt je bent er nooit echt", in a long story of
# her workday, is her load, not a disagreement (round 18c, p68 got "anders over denken").
OTHERS_OPINION = re.compile(
    r"\b(mijn|m'?n|mn)\s+(ouders|vader|moeder|pa|ma|man|vrouw|vriend|vriendin|vrienden|"
    r"partner|familie|omgeving)\s+(vind|vinden|vindt|zegt|zeggen|wil|willen|wilt|zeurt|"
    r"zeuren)\b(?=(\s+\S+){0,5}?\s+(dat|moet|moeten|moest|zou|zouden|beter|gewoon|blijven|"
    r"stoppen|ophouden|niet|geen|kiezen|nemen|doen)\b)|\b(zeggen|vinden)\s+ze\b", re.I)
# Where someone works, said in passing: "ik werk via uitzendbureau", "ik ben uitzendkracht".
AGENCY_ONLY = re.compile(r"\b(via|bij|voor)\s+(een\s+|het\s+|'n\s+)?uitzend\w*|\buitzendkracht\b|"
                         r"\buitzendwerk\b", re.I)
# ... and words that make the contract itself the worry (then the flex topic stays).
FLEX_CONCERN = re.compile(r"\b(fase\s*[abc123]?|contract\w*|verleng\w*|afloop\w*|loopt\s+af|"
                          r"oproep\w*|nul-?uren\w*|min-?max|onzeker\w*|geen\s+vast\w*|vaste\s+"
                          r"(uren|baan|contract)|keten\w*|tijdelijk\w*|ingehuurd|uren\s+"
                          r"(kwijt|minder|weg)|minder\s+uren|geen\s+(uren|werk\s+meer))\b", re.I)
# At the card: "het heeft geen haast, het gaat om volgend jaar" (URGENT says the opposite).
NO_HURRY = re.compile(r"\bgeen\s+(haast|spoed)\b|\b(niet|geen)\s+dringend\b|"
                      r"\bhoeft\s+niet\s+(deze\s+week|snel|meteen|nu)\b", re.I)
# "nee ik bedoel bbl school", "nee, ik bedoelde de kosten": a correction of what we read.
MEANT_INSTEAD = re.compile(r"^\W*(nee+|neen|nee\s+nee)\W*(ik\s+)?(bedoel|bedoelde|bedoelt|meen|"
                           r"vroeg|had\s+het\s+over)\b", re.I)
# "nu even niet. Andere vraag: ..." is a no with a question after it (round 20b, p90).
OFFER_NO = re.compile(r"^\W*(nee+|neen|nope|nah|nu\s+(nog\s+|even\s+|effe\s+|ff\s+)?(niet|nie|ni)|"
                      r"(nog|even|effe|ff)\s+(niet|nie|ni)|"
                      r"niet\s+nodig|hoeft\s+niet|liever\s+niet|no\s+thanks?)\b", re.I)
# "nu nog even niet delen", "ik wil nog niks delen": no consent now, whatever else is asked.
NOT_SHARING_YET = re.compile(r"\b(niet|nie|ni|niks|niets|geen)\s+(\w+\s+)?(delen|doorgeven|"
                             r"doorsturen|door\s+(geven|sturen))\b|\bnog\s+(even\s+|effe\s+|ff\s+)?"
                             r"(niet|niks|niets)\s+(delen|doorgeven)\b", re.I)
# A yes to the offer at the start of a longer message; "goed dat je het zegt, maar ..." or
# "klopt, ik werk er al 20 jaar" is none (those words count only in a short answer).
OFFER_YES = re.compile(r"^\W*((hm+|uhm+|ehm+|eh+|nou|ach|tja|mja)\W+)?"
                       r"(ja+|jawel|jazeker|jep|yes|graag|ja\s+graag|doe\s+maar|oké|oke|ok|"
                       r"okay|prima|akkoord|zeker|natuurlijk|is\s+goed|dat\s+is\s+goed|"
                       r"goed\s+idee)\b(?!\s+(dat|da|maar|om\s+te)\b(?!'s))", re.I)
# ("Ja da hebt ge al gezegd 🙂 maar nie hoevéél" is no yes: round 25, p125 got the consent text.)
# "hmm oke ja eigenlijk wel, lijkt me wel fijn om met iemand te praten" (round 15b, p66 was
# asked which topic she meant): a yes to the offer anywhere in the answer.
OFFER_YES_PHRASE = re.compile(r"\blijkt\s+me\s+((?!niet|nie|ni|geen)\w+\s+){0,2}(fijn|goed|"
                              r"handig|prettig)\b|"
                              # "oke dan wil ik het wel proberen denk ik", "dat wil ik wel"
                              # (round 16, p66 was read as a new topic)
                              # ("dan wil ik graag met mijn baas praten" is no yes to us: the
                              # clause must end there.)
                              r"\b(dan|dat)\s+wil\s+ik\s+(het\s+|dat\s+)?(wel|graag)"
                              r"(\s+(proberen|doen))?(\s+(hoor|ja|eigenlijk|denk\s+ik))*"
                              r"\s*([.,!…]|$)|"
                              r"\bwil\s+(het|dat)\s+wel\s+(proberen|doen)\b", re.I)
# "ok. ik slaap ook slecht. ze bellen steeds over de rekeningen" (round 13b, p54): an "ok"
# that closes the last answer, then something new; a yes to an open offer only when what
# follows is one too ("ok. doe maar").
ACK_THEN_MORE = re.compile(r"^\W*(ok|oké|oke|okay|okee|oki)\s*[.!…,]+\s*(?P<rest>\S.*)$",
                           re.I | re.S)
# What makes the rest of such a message a yes after all: "ok. lijkt me fijn", "oké, graag".
YES_WORDS = re.compile(r"\b(graag|fijn|goed|prima|doe\s+maar|akkoord|ja|wil\s+ik\s+wel)\b", re.I)
# Costs of living, not of our service: "de huur. ik kan het niet betalen" (round 13c, p54).
# ("een rekening" is left out: "krijg ik een rekening van de consulent?" asks our price.)
LIVING_COSTS = re.compile(rf"{DEBT_WORDS}|\b(huur|energie\w*|boodschappen|hypothe\w*|"
                          r"achterstand\w*|aflossing\w*|"
                          # "ik heb geen geld voor advocaat. wat nu" (round 15, p61)
                          r"advocaa?t\w*|jurist\w*|rechtsbijstand\w*|rechtshulp)\b", re.I)
# "geen ww?? ik heb een hypotheek met mn vriendin": a worry about income, about his work (round
# 19c, p84 heard "Dat valt buiten wat ik weet").
INCOME_WORRY = re.compile(r"\b(hypothe\w*|vaste\s+lasten|rekeningen|huur\s+(betalen|niet)|"
                          r"geen\s+(ww|uitkering|inkomen|loon|salaris)\b|zonder\s+(inkomen|loon|"
                          r"salaris)|mond(en)?\s+te\s+voeden|kinderen\s+te\s+eten)", re.I)
# Our own menu button typed out: "iets anders", "nee iets anders", "geen van beide".
# ... also with more after it: "nee geen van beide. nieuwe manager maakt me af" (round 20b).
SOMETHING_ELSE = re.compile(r"^\W*(nee\W*)?(iets\s+anders|geen\s+van\s+(beide|beiden|de\s+twee|2))"
                            r"\b", re.I)
# "bel me maar", "ik wil wel gebeld worden", "mail mij": a wish to be contacted.
CALL_ME = re.compile(r"\b(bel|bellen|mail|mailen|app|appen)\s+(me|mij)\b|"
                     r"\b(gebeld|gemaild|geappt)\s+worden\b|"
                     r"\b(iemand|jullie|consulent|u)\s+(me|mij)\s+(belt|bellen|mailt|appt)\b",
                     re.I)
# Any word of leaving: without one, the classifier's "goodbye" is a misreading ("graag
# gedaan hoor. en nu?" ended the chat in round 6, p30).
GOODBYE_ANY = re.compile(
    r"\b(doei|dag|daag|goedendag|goeiedag|goedemiddag|goedenavond|tot\s+\w+|bye|ciao|salu\w*|houdoe|"
    r"groet\w*|welterusten|slaap\w*|"
    r"laters?|fijne\s+\w+|moet\s+(nu\s+|ff\s+|even\s+)?(gaan|weg|werken|stoppen|verder)|"
    r"ik\s+(ga|stop|ben\s+weg|hou\s+op)|ga\s+(nu\s+)?(slapen|weg|stoppen)|ciao|adios|"
    r"goodbye|see\s+you|dikke\s+kus|xx+|👋)", re.I)
# Sarcasm and complaints the classifier reads as enjoying work: "lekker dan. mijn baas wil
# van me af", "ik ben er klaar mee", "PLEZIER?? lees je wel" (round 6 p30, round 7 p30, p36).
ENJOY_DOUBT = re.compile(
    r"\bklaar\s+mee\b|\bniet\s+(meer\s+)?(leuk|fijn)\b|verveel|\bsaai\b|\blui\b|"
    r"\bvan\s+me\s+af\b|plezier\s*\?|\blekker\s+dan\b|\bbalen\b|\bkut\w*|\bhaat\b|"
    r"\bhekel\b|\bbeu\b|\bgeen\s+(zin|plezier)\b|\b(het\s+)?zat\s+(ben|zijn|van)\b|"
    r"\bvastgelopen\b|\bbore-?out\b|"
    # "ik zie het echt ni meer zitten op mijn afdeling. elke dag overuren" (round 24c, p116
    # heard "Mooi dat je werk je plezier geeft").
    r"\b(niet|nie|ni)\s+meer\s+zitten\b|\boveruren\b|\bonderbezet\w*|\bte\s+weinig\s+(volk|mensen|"
    r"personeel|collega)|"
    # "werk is goed. maar nieuwe firma zegt ik krijg 16 uur" (round 27, p135 heard "Fijn om te
    # horen dat je met plezier werkt!"): what comes after "maar" is why they write.
    r"\b(werk|baan|job)\s+(is|was)\s+(\w+\s+)?(goed|prima|leuk|fijn|ok|oké)\s*[.,!]*\s*(maar|alleen)\b",
    re.I)
# Worn out, said plainly: "na 11 jaar nachten ben ik gewoon op", "ik ben kapot" (round 25,
# p116 heard "Mooi dat je werk je plezier geeft" after "ik heb altijd graag ... gewerkt").
EXHAUSTED = (r"\bben\s+(ik\s+)?((gewoon|echt|helemaal|compleet|totaal|zo)\s+)*op\b"
             r"(?!\s+en\s+top)(?=\s*([.!,;]|$|en\b|maar\b))|\buitgeput\b|\bopgebrand\b|\bdoodmoe\b|"
             r"\b(ben|voel)\s+(ik\s+|me\s+)?((gewoon|echt|helemaal|zo)\s+)*kapot\b")
ENJOY_DOUBT = re.compile(ENJOY_DOUBT.pattern + "|" + EXHAUSTED, re.I)
# The load of the work, said as what happens: overtime, too few people (round 24c, p116).
OVERLOAD_WORDS = re.compile(r"\boveruren\b|\bonderbezet\w*|\bte\s+weinig\s+(volk|mensen|personeel|"
                            r"collega'?s?)\b|\b(collega'?s?\s+)(die\s+)?uitvallen\b|\bwerkdruk\b|"
                            + EXHAUSTED, re.I)
STUCK_WORDS = re.compile(r"klaar\s+mee|verveel|saai|\blui\b|\bbeu\b|geen\s+(zin|plezier)|"
                         r"niet\s+(meer\s+)?leuk|vastgelopen|bore-?out|\bzat\s+(ben|zijn|van)\b",
                         re.I)
# "ik werk helemaal niet bij de overheid", "sector: geen, ik werk nergens" (round 7, p35).
SECTOR_DENIED = re.compile(
    r"\b(werk|zit)\s+(\w+\s+){0,2}(niet|nie|nergens)\s+(bij|in)\s+(de\s+|het\s+)?\w+|"
    r"\bwerk\s+(\w+\s+)?nergens\b|\bsector\W+(geen|niks|nee|niet)\b|"
    r"\b(heb|had)\s+(\w+\s+)?geen\s+(baan|werk)\b", re.I)
# "ik heb een vast contract": permanent, whatever a guess said before (round 7, p30).
PERMANENT = re.compile(r"\bvast\s+contract|\bvaste\s+(baan|aanstelling)|\bvast\s+in\s+dienst|"
                       r"\bonbepaalde\s+tijd\b", re.I)
# A contract wished for, not had: "kan ik nie gewoon een vast contract vragen aan de winkel?"
# put "vast contract" on a day-contract worker's card (round 20c, p92).
CONTRACT_WISHED = re.compile(
    r"\b(vra(ag|gen|agt)|krijg\w*|wil|willen|wens\w*|hoop|hopen|recht|kans|aanbie\w*|aangeboden|"
    r"beloofd|belooft|omzetten|naar)\s+(\w+\s+){0,3}vast\w*\s+(contract|baan|aanstelling)|"
    r"\bvast\w*\s+(contract|baan|aanstelling)\s+(\w+\s+){0,3}(vra(ag|gen)|krijg\w*|willen|"
    r"aanbie\w*|aangeboden|beloofd|belooft|geven|omzetten)\b", re.I)
# "wat weten jullie van mij?", "wat staat er over mij opgeslagen" (round 6, p34).
STORED_QUESTION = re.compile(
    r"\bwat\s+(weten|weet|hebben|heb|hebt|bewaren|bewaar|bewaart)\s+(jullie|je|jij|u|gij|ge)\s+"
    r"(nu\s+|nog\s+|eigenlijk\s+|allemaal\s+)*(van|over)\s+(mij|me)\b|"
    r"\bwat\s+(staat|sla|slaan|slaat)\s+(er\s+)?(\w+\s+){0,3}(over|van)\s+(mij|me)\b|"
    r"\bwat\s+(\w+\s+){0,3}(opgeslagen|bewaard)\b|"
    r"\bwat\s+(schrijf|schrijft|noteer|noteert|zet)\s+(je|jij|u)\s+(\w+\s+){0,2}(over|van)\s+(mij|me)\b",
    re.I)
# After an erasure: "is het nu echt weg?", "is alles gewist?"
ERASED_QUESTION = re.compile(
    r"\b(gegevens|gesprek|alles|data|info\w*)\b.*\b(weg|gewist|verwijderd)\b.*\?|"
    r"\bis\s+(het|alles)\s+(nu\s+)?(echt\s+)?(weg|gewist|verwijderd)\b", re.I)
# "nee niet stoppen, versturen" is no stop (round 6, p27, p32).
NOT_STOPPING = re.compile(r"\b(niet|nie|ni|geen)\s+(stoppen|stop|afbreken|annuleren|weggooien)\b",
                          re.I)
# ("haha" after a clear no is relief, not laughing it off: round 5, p19.)
# A yes to "denk je erover om een einde aan je leven te maken?" (round 13, p54: "ja soms
# wel" got the soft line meant for a doubtful answer). "Soms" is a yes: 113's guidance
# takes any yes to the direct question as one.
CHECK_YES = re.compile(r"^\W*(ja+|jawel|jah|yes|soms|af\s+en\s+toe|wel\s*eens|eigenlijk\s+wel|"
                       r"best\s+wel|een\s+beetje|misschien\s+wel)\b", re.I)
# "en mijn werk dan?" after the crisis answer (round 13, p54): back to her work, not
# "geen goed antwoord".
WORK_RETURN = re.compile(r"^\W*(en|maar)\s+(mijn|m'?n|me|het|dat)\s+(werk|baan|job|contract|"
                         r"schulden|fouten)(\s+dan)?\s*\??\s*$", re.I)
LAUGHED_OFF = re.compile(r"\b(grapje|geintje|grap|laat\s+maar)\b", re.I)
# "Ik ga niet bellen", "hoef geen hulp": a no to the help, not to what they said.
REFUSED_HELP = re.compile(r"\b(bel\w*|113|1813|hulp|hulplijn|praten|chat\w*)\b", re.I)
# Below this confidence a service intent (cost, how it works) gives way to a knowledge
# answer to the question; a statement gets a knowledge answer only from this score up.
SERVICE_SURE = 0.6
STATEMENT_ANSWER = 0.6
MAX_CHECK_QUESTIONS = 2
# Below this confidence a new topic is asked about, not assumed: on the real-language
# set about 1 in 3 such guesses is right, on short typical messages about 3 in 4.
TOPIC_SURE = 0.5
# A message this long is a story: its topic words count when the classifier is lost.
LONG_STORY_WORDS = 40
# Teaching others, not learning: "jongens iets leren", "anderen het vak leren", "leerlingen
# begeleiden".
TEACH_OTHERS = re.compile(r"\b(jongens|jongeren|anderen|leerlingen|nieuwe\s+mensen|"
                          r"collega'?s|stagiairs?)\s+(\w+\s+){0,2}(leren(?!\s+kennen)|opleiden|"
                          r"begeleiden|inwerken)\b|\bhet\s+vak\s+(overdragen|doorgeven|bijbrengen)\b|"
                          r"\bleerlingen\s+onder\s+(me|mij)\b", re.I)
# Words that settle the classifier's guess: "ik ben ontslagen" is about losing work.
NAMED_FOR_SURE = {
    "unemployed": r"\b(ontslagen|werkloos|ontslag\s+gekregen|afgedankt|in\s+de\s+ww)\b",
    # "die nieuwe manager zet me voor schut voor mijn hele team": no menu with "doorgroeien"
    # for a furious man (round 19c, p84).
    "conflict_at_work": r"\b(manager|baas|chef|leidinggevende|teamleider|directeur|collega\w*)\b"
                        r".{0,40}\b(zet\w*\s+(me|mij)\s+(gewoon\s+)?voor\s+(schut|gek|lul|aap|paal)|kleineer\w*|"
                        r"kraakt?\s+(me|mij)\s+af|vernedert?|schreeuw\w*|scheld\w*|treiter\w*|"
                        r"pest\w*|zit\s+(me|mij)\s+(continu\s+|steeds\s+)?op\s+(mijn|m.n)\s+nek)",
}
MAX_TOPIC_CHECKS = 2
# A deepening question whose answer the person already gave gets its other version
# ("mijn contract loopt af over 3 weken, via een uitzendbureau": not "wat voor contract?").
# When the work stopped, said in passing: "vorige maand", "sinds januari", "14 maanden al".
SINCE_WHEN = re.compile(r"\b(vorige|afgelopen|verleden)\s+(week|maand|jaar|zomer|winter)\b|"
                        r"\bsinds\s+\w+|\b(al\s+)?\d+\s+(weken|maanden|jaar)\s+(al|thuis|"
                        r"werkloos|zonder)\b|\b(gisteren|vandaag|eergisteren)\b.{0,30}\b(ontslag\w*|"
                        r"ontslagen|werkloos|afgedankt)\b|\b(ontslag\w*|ontslagen|werkloos|afgedankt)"
                        r"\b.{0,30}\b(gisteren|vorige|afgelopen)\b", re.I)
# The work someone wants to do, in their words: "ik wil elektricien worden", "ik wil graag
# als lasser werken", "ik wil elektricien. vast werk" (round 19c, p83 was asked "Welk werk
# trekt je" twice after he had said it). Words that are no work ("beter", "ziek", "vast")
# and past participles ("ontslagen", "gezien") are no job.
# Words that end like a job but are none: "ik wil juist NIET iets anders" made the card
# say "Je wilt juist worden." for three people in round 22 (p100, p101, p102).
_NOT_JOBS = r"(?!(?:juist|wist|mist|list|kist|gist|twist|meest|best|eerst|kwist)\b)"
_JOB_SUFFIX = (_NOT_JOBS +
               r"(?:[a-z]+(?:icien|iciën|ist|eur|euse|kundige|monteur|meester|medewerker|"
               r"assistent|verzorgende|begeleider|chauffeur|leraar|docent|kok|bakker|kapper|"
               r"lasser|timmerman|schilder|loodgieter|programmeur|ontwikkelaar|agent|"
               r"verpleger|installateur)|kok|bakker|kapper|lasser|timmerman|schilder|"
               r"loodgieter|chauffeur|leraar|docent|verpleger|agent|juf|meester)")
WANTED_JOB = re.compile(
    # A bare "zou" is what is said to happen, not a wish: "Ik zou boventallig worden" (round 23,
    # p112's card said "Je wilt boventallig worden").
    r"\b(?:ik\s+)?(?:wil|wou|zou(?=\s+(?:\w+\s+)?(?:graag|liever|ooit))|hoop|droom\s+ervan\s+om)\s+"
    r"(?:nu\s+|later\s+|graag\s+|ooit\s+|"
    r"echt\s+|heel\s+graag\s+|eigenlijk\s+|liever\s+|juist\s+|toch\s+|wel\s+|ook\s+)*(?:een\s+)?"
    r"(?P<job>(?!(?:beter|ziek|gezond|gelukkig|oud|ouder|vast|zelf|iets|meer|minder|weer|"
    r"moeder|vader|ontslagen|betaald|gezien|geholpen|gebeld|serieus|niet|geen|mijn|het|dat|"
    r"boventallig|overbodig|werkloos|arbeidsongeschikt|afgekeurd|overgeplaatst|herplaatst|"
    r"juist|toch|wel|ook|echt|graag|eigenlijk|liever|nu|later|ooit)\b)"
    r"[a-zà-ü-]{3,}(?:\s+[a-zà-ü-]{3,})?)\s+(?:te\s+)?worden\b"
    rf"|\b(?:ik\s+)?(?:wil|wou|zou\s+graag)\s+(?:graag\s+|liever\s+|weer\s+|ook\s+)*(?:werken\s+als|aan\s+de\s+slag\s+"
    rf"als)\s+(?:een\s+)?(?P<as_job>[a-zà-ü-]{{3,}}(?:\s+(?!(?:bij|voor|met|van|aan|naar|"
    rf"maar|want|dan|omdat|net|weer|hier|daar)\b)[a-zà-ü-]{{3,}})?)\b"
    rf"|\b(?:ik\s+)?(?:wil|wou|zou)\s+(?:graag\s+|liever\s+)?als\s+(?:een\s+)?"
    rf"(?P<as_job_before>[a-zà-ü-]{{3,}})\s+(?:gaan\s+)?(?:werken|aan\s+de\s+slag)\b"
    rf"|\bik\s+wil\s+(?:graag\s+)?(?:een\s+)?(?P<named_job>{_JOB_SUFFIX})\b(?!\s+\w+\s+worden)"
    # NT2 word order: "ik wil worden elektricien", "elektricien leren" (round 20b, p83)
    rf"|\b(?:wil|wou)\s+(?:graag\s+)?worden\s+(?:een\s+)?(?P<job_after>{_JOB_SUFFIX})\b"
    rf"|\b(?P<job_to_learn>{_JOB_SUFFIX})\s+(?:worden|leren)\b",
    re.I)


def wanted_job(text: str) -> str | None:
    """The job from WANTED_JOB, or None: never a past participle ("ge...d", "ge...t"), never a
    job denied ("ik wil GEEN leraar worden", round 24b: p111's card said the opposite)."""
    for match in WANTED_JOB.finditer(text):
        denied = match.group("job_to_learn") and re.search(
            r"\b(geen|niet|nooit|nie|ni)\s+(\w+\s+)?$", text[:match.start("job_to_learn")], re.I)
        job = next(g for g in match.groupdict().values() if g).lower()
        if denied or re.fullmatch(r"ge\w+[dtn]", job.split()[-1]) or len(job.split()) > 2:
            continue
        return job
    return None


DEEPEN_WHEN_KNOWN = {
    "flex_contract": (("contract_type", "deadline"), "utter_deepen_flex_contract_known"),
    "retirement": (("age",), "utter_deepen_retirement_known"),
    "unemployed": (("deadline",), "utter_deepen_unemployed_known"),
    "job_insecurity": (("deadline",), "utter_deepen_job_insecurity_known"),
    "career_change": (("wanted_job",), "utter_deepen_career_change_known"),
    "training": (("wanted_job",), "utter_deepen_training_known"),
}


def topic_label(topic: str) -> str:
    return LABELS.get(topic, topic)


# Round 13. "ik wil eerst nadenken", "eerst ff mijn vrouw vragen", "kan ik straks terug
# komen?": time to think, never a wish to erase or a no (p53, p49).
_CLOSE_ONES = (r"(vrouw|man|partner|vriend|vriendin|familie|ouders|moeder|vader|vent|"
               r"lief|gezin|kinderen)")
PAUSE = re.compile(
    r"\b(eerst|nog\s+(even|ff|eens|wat))\s+(\w+\s+){0,4}?(nadenken|over\s*nadenken|na\s+denken|"
    r"overwegen|laten\s+bezinken|over\s+slapen)\b|"
    # "ik vraag mijn vrouw"; not "mag ik vragen of mijn man ook ..."
    rf"\b(vraag|vragen|overleg|overleggen|bespreek|bespreken)\s+"
    rf"((?!(of|wat|hoe|waarom|wanneer|waar|wie)\b)\w+\s+){{0,2}}?(mijn|m'?n|mn|"
    rf"met\s+(mijn|m'?n|mn))\s+{_CLOSE_ONES}\b|"
    rf"\b(mijn|m'?n|mn)\s+{_CLOSE_ONES}\s+(ff\s+|even\s+|eerst\s+)?(vragen|raadplegen)\b|"
    rf"\bmet\s+(mijn|m'?n|mn)\s+{_CLOSE_ONES}\s+(\w+\s+){{0,2}}(overleggen|bespreken)\b|"
    r"\b(kan|kun|mag)\s+(ik|k)\s+(\w+\s+){0,2}?(later|straks|morgen|een\s+andere\s+keer)\s+"
    r"(nog\s+|hier\s+)?(terug\s*komen|terugkomen|terug\s+keren|verder(gaan)?(?=\s*[?.!]|\s*$))|"
    r"\bik\s+kom\s+(\w+\s+){0,2}?(later|straks|morgen)\s+(nog\s+|wel\s+)?terug\b|"
    r"\bbedenktijd\b|\blaat\s+me\s+(er\s+)?(nog\s+)?(even\s+|ff\s+)?over\s+nadenken\b|"
    r"\bik\s+(denk|ga)\s+er\s+(nog\s+)?(even\s+|ff\s+|eens\s+)?over\s+(na|nadenken)\b"
    r"(?=\s*([.!,…]|$))", re.I)
# "verder" after such a pause: back where we were.
RESUME = re.compile(r"^\W*(verder|ik\s+ben\s+(er\s+)?terug|ik\s+ben\s+weer\s+terug|"
                    r"daar\s+ben\s+ik\s+weer|we\s+kunnen\s+verder)\W*$", re.I)
# "als mijn baas nee zegt", "wat als hij zegt nee": someone else's no, no answer to our
# consent question (p49).
OTHERS_SAY_NO = re.compile(
    r"\b(baas|werkgever|leidinggevende|chef|manager|directeur|teamleider|bedrijf|uwv|school|"
    r"hij|zij|ze|die)\s+((\w+\s+){0,2}(nee|neen)\s+(zegt|zeggen|zeg|zei)|(zegt|zeggen|zei)\s+"
    r"(\w+\s+)?(nee|neen))\b|"
    r"\b(zegt|zeggen|zei)\s+(hij|zij|ze|die|mijn\s+baas|de\s+baas|mijn\s+werkgever)\s+"
    r"(\w+\s+)?(nee|neen)\b", re.I)
# "wat als hij ...", "als mijn baas nee zegt ... wat dan": a question without a question
# mark (p49).
WHAT_IF = re.compile(r"\bwat\s+als\b|\ben\s+als\s+(hij|zij|ze|die|mijn|m'?n|de)\b|"
                     r"\bals\b.{3,80}\bwat\s+dan\b", re.I)
# "Krijg ik daarna reclame of een belletje om lid te worden?" (p53). Reclame, marketing and
# newsletters only when they would come to the person: "ik werk als marketing assistent" is a
# job (round 15, p66 got "Voor reclame of ledenwerving geef ik niets door").
RECRUITMENT = re.compile(
    r"\b(ledenwerving|leden\s+werven|spam\w*|bestoken)\b|"
    r"\b(krijg|krijgen|ontvang\w*|stuur\w*|gestuurd|gebruik\w*|geen|doorgeven|verkop\w*|"
    r"verkoopt|verkocht)\b[^.?!]{0,30}\b(reclame|marketing|nieuwsbrie\w*)\b(?!\s*(assistent|"
    r"medewerker|afdeling|manager|bureau|functie|baan|werk))|\b(reclame|nieuwsbrie\w*)\s*\?|"
    r"\b(belletje|bellen|gebeld|mail\w*|benaderd|benaderen|lastig\s+gevallen)\b.{0,40}"
    r"\blid\s+(te\s+)?(worden|maken)\b", re.I)
# "hoe lang bewaart u dit gesprek?" (p53).
KEPT_HOW_LONG = re.compile(
    r"\bhoe\s*lang\s+(\w+\s+){0,4}?(bewaard|bewaren|bewaart|bewaar|opgeslagen|bijgehouden|"
    r"gehouden|houden|houdt|hou)\b|\bbewaartermijn\b", re.I)
# "ik wil ni dat mijn baas da weet dat ...", "ik wil absoluut niet dat mijn school hier iets
# van te weten komt" (p52, p50): the wish itself asks for the confidentiality answer.
# The wish said outright, also about school or colleagues: a privacy question on its own,
# whatever else the message is about.
SECRET_WISH = re.compile(_kept_from(_BOSS_WORDS + r"|school|collega'?s"), re.I)
# "sorry dat ik zo zeur", "sorry", "sorry hoor": an apology for talking, not a correction
# (p54).
APOLOGY = re.compile(
    r"^\W*(sorry|sorrie|sry|excuus|excuses)(\s+(hoor|he|hé|h[eè]|eh|nogmaals|voor\s+dat))?\W*$|"
    r"\b(sorry|sorrie|sry|excuus|excuses)\s+(dat\s+ik\s+(zo\s+|zoveel\s+|zo\s+veel\s+|"
    r"steeds\s+|zo\s+lang\s+)?(zeur|zanik|klaag|jammer|doorzeur|zo\s+doorga|zoveel\s+typ|"
    r"zoveel\s+schrijf|blijf\s+zeuren|je\s+lastig\s*val|u\s+lastig\s*val)\w*|"
    r"voor\s+(het|al\s+dat|al\s+het|mijn|m'?n|dit)\s+(\w+\s+)?(gezeur|gezanik|geklaag|"
    r"gejammer|lange\s+verhaal|verhaal|lap\s+tekst))\b", re.I)
# "Ben ik gek dat ik dit wil?", "is het raar dat ik twijfel?" (p50).
AM_I_CRAZY = re.compile(
    r"\bben\s+ik\s+(nou\s+|nu\s+|dan\s+|echt\s+)?(gek|raar|gestoord|abnormaal|vreemd|"
    r"niet\s+normaal|een\s+aansteller)\b|"
    # Not "is het normaal dat ik 60 uur moet werken?": that asks after a rule.
    r"\bis\s+(het|dat)\s+(nou\s+|nu\s+|dan\s+)?(gek|raar|vreemd)\s+dat\s+ik\s+(dit|dat|zo|"
    r"iets|nu|twijfel\w*|wil|ermee|er\s+mee)\b|"
    r"\bmaak\s+ik\s+(mezelf|mijzelf|mij)\s+(\w+\s+)?wijs\b", re.I)
# "boeie", "whatever": a shrug, not a greeting (p51).
SHRUG = re.compile(r"^\W*(ok[eé]?\W+)?(boeie+|boeit\s+(me\s+)?(niet|nie|niks)|whatever|"
                   r"maakt\s+(mij\s+|me\s+)?(niet|niks|nie)\s+uit|kan\s+me\s+(niet|niks)\s+"
                   r"(schelen|boeien)|interesseert\s+me\s+(niet|niks))\W*$", re.I)
# Said of oneself: at home sick, on sick leave ("zit nu op de mutualiteit", "ik ben
# overspannen", "burn-out"): being at home is then no job loss (p52).
SICK_LEAVE = re.compile(
    r"\b(burn-?out|overspannen|ziektewet|ziekteverzuim|mutualiteit|mutualiteiten|ziekenfonds|"
    r"ziekteuitkering|arbeidsongeschikt\w*|ziek\s*thuis|ziekgemeld|ziek\s+gemeld|"
    r"ziek\s+geschreven)\b|\bik\s+(ben|zit)\s+(nu\s+|al\s+|nog\s+|sinds\s+\w+\s+)*ziek\b", re.I)
NOT_SICK = re.compile(r"\b(niet|nie|ni|geen|voorkom\w*|dreig\w*|bijna|tegen\s+een)\s+(\w+\s+){0,2}"
                      r"(ziek|ziekgemeld|overspannen|burn-?out)", re.I)
# The job is really gone: then job loss it is, sick or not.
JOB_GONE = re.compile(r"\b(ontslagen|ontslag\s+gekregen|werkloos|(baan|job|werk)\s+kwijt|"
                      r"geen\s+(werk|baan|job)\s+meer|contract\s+(is\s+)?(gestopt|afgelopen|"
                      r"niet\s+verlengd)|c4|ww-?uitkering|in\s+de\s+ww|zonder\s+(werk|baan|job)|"
    r"(heb|zit)\s+(\w+\s+)?geen\s+(werk|baan|job))\b", re.I)
# "ik wil gewoon terug beginnen maar ni direct voltijds", "halftijds herbeginnen": back to
# the own work after sickness, not a career move (p52).
BACK_TO_WORK = re.compile(
    r"\b(terug|weer)\s+(\w+\s+){0,3}?(beginnen|starten|werken|aan\s+(het|'t)\s+werk|"
    r"naar\s+(mijn|m'?n|mn)\s+(eigen\s+)?(werk|job|baan))\b|"
    r"\b(herbeginnen|herstarten|re-?integr\w*|werkhervatting|hervatten|hervat|"
    r"progressie\w*\s+tewerkstelling|opbouwen|halftijds|deeltijds\s+terug|"
    r"(niet|nie|ni)\s+(direct\s+|meteen\s+)?voltijds)\b", re.I)
# "ik heb gewoon werk", "ik ben nog in dienst", "ik ben mijn job ni kwijt" (p52): a job now.
# Only as a statement of its own: "ik heb werk nodig", "ik heb mijn baan opgezegd" are not.
HAS_JOB = re.compile(
    r"\bik\s+h[eéè]b\s+(toch\s+|wel\s+|gewoon\s+|al\s+|nog\s+)*(werk|een\s+job|een\s+baan|"
    r"nen\s+job|ne\s+job|een\s+werkgever|(mijn|m'?n|mn)\s+(baan|job|werk))\b"
    # "ik heb toch werk 😂" (round 17, p73: an emoji ends the clause too)
    # "ik heb wel werk bro" (round 25b, p127).
    r"(?=\s*([^\w\s]|$|hoor\b|he\b|hè\b|toch\b|nog\b|gewoon\b|bro\b|man\b|joh\b|jong\w*\b))|"
    r"\b(ik\s+ben\s+|ben\s+|nog\s+)(nog\s+|gewoon\s+)?(altijd\s+)?in\s+dienst\b|"
    r"\bik\s+ben\s+(mijn|m'?n|mn)\s+(job|baan|werk)\s+(niet|nie|ni)\s+kwijt\b|"
    r"\bik\s+ben\s+(\w+\s+)?(niet|nie|ni)\s+(ontslagen|werkloos)\b", re.I)
# "ik zoek geen werk", "ik solliciteer ni", "niet op zoek naar een baan": no job search.
NO_JOB_SEARCH = re.compile(
    r"\bzoek\w*\s+(\w+\s+)?(geen|gene|genen|niet|nie|ni)\s+(\w+\s+)?(werk|baan|job)\b|"
    r"\b(geen|niet|nie|ni)\s+(op\s+)?zoek\s+naar\s+(\w+\s+){0,2}(werk|baan|job)\b|"
    r"\bik\s+solliciteer\s+(helemaal\s+|echt\s+)?(niet|nie|ni|nergens)\b|"
    r"\bik\s+ben\s+(\w+\s+)?(niet|nie|ni)\s+(aan\s+het\s+)?solliciteren\b", re.I)
# "het gaat eigenlijk niet meer zo goed" (round 17, p68): a statement that asks to be heard.
NOT_GOING_WELL = re.compile(r"\bhet\s+gaat\s+((eigenlijk|gewoon|echt|al\s+een\s+tijdje)\s+)*"
                            r"(niet|nie|ni)\s+(meer\s+)?(zo\s+|echt\s+)?(goed|lekker|best)\b|"
                            r"\bniet\s+lekker\s+in\s+(mijn|m'?n|mn)\s+vel\b", re.I)
# "geen ontslag ofzo": the job loss the classifier hears in "ontslag" denied (round 17b, p73
# was asked since when he had been out of work).
NO_DISMISSAL = re.compile(r"\b(geen|niet|nie|ni)\s+(\w+\s+)?ontslag\w*", re.I)
# "allebei", "beide" as the answer to a menu of two topics (round 17, p73).
# Not "geen van beide" (round 20b, p84 and p87 were read as both).
BOTH_OPTIONS = re.compile(r"(?<!van\s)\b(allebei|beide|beiden|alle\s*twee|allebij)\b", re.I)
# Work now, said in passing: "nu vul ik vakken bij de appie 16 uur", "ik werk nu bij een dc".
WORKING_NOW = re.compile(r"\bnu\s+(werk|vul|sta|zit|rij|doe|maak|poets)\s+ik\b|"
                         r"\bik\s+werk\s+(nu\s+|nog\s+)?(bij|als|in\s+de|op\s+een)\b|"
                         r"\b\d{1,2}\s+uur\s+(per|in\s+de|p/?)\s*week\b", re.I)
# Either one: no job loss and no job search to talk about (the engine's denial of both).
HAS_WORK = re.compile(f"{HAS_JOB.pattern}|{NO_JOB_SEARCH.pattern}", re.I)
# "Dat begrijp ik.", "ik snap het": agreement, no protest that we misread (p50).
UNDERSTOOD = re.compile(r"^\W*((dat|dit)\s+(begrijp|snap)\s+ik|ik\s+(begrijp|snap)\s+(het|dat|"
                        r"je|u)|(begrijp|snap)\s+ik)\b(?!\s+(niet|nie|ni|echt\s+niet)\b)", re.I)
# A denial in a clause about how it looks or what others think: "ik ben bang dat het lijkt
# alsof ik niet echt ziek ben" denies nothing (p50).
# "baas zegt geen rvu voor ons" is the boss's no, not a denial of the topic (round 14b, p55
# lost his pension topic over it).
HYPOTHETICAL_BEFORE = re.compile(r"\b(alsof|als\s+of|lijkt\s+dat|lijken\s+dat|denken\s+dat|"
                                 r"denkt\s+dat|vinden\s+dat|vindt\s+dat|zeggen\s+dat|"
                                 r"zegt\s+dat|(baas|werkgever|chef|leidinggevende|hr|hij|zij|ze)"
                                 r"\s+(zegt|zei|zeggen|beweert))\b[^.?!]{0,30}$", re.I)
# Confirmations waiting for a yes or no: what is said there is read by their own handler.
CONFIRM_STEPS = ("delete_confirm", "stop_confirm", "withdraw_confirm", "email_typo",
                 "update_confirm", "crisis_offer", "crisis_check")
# Words that ask to erase, without doubt: "verwijder mijn gegevens", "wis alles".
EXPLICIT_DELETE = re.compile(r"\b(wis\w*|verwijder\w*|delete|vergeet\s+(alles|mij|me)|"
                             r"haal\s+(\w+\s+){0,2}weg|weg\s*halen|weggooien)\b", re.I)

# Read by the engine (bot/dialogue/engine.py): a price asked, a word pointing back, the sofa,
# a farewell, a correction of what we read, and "Kan dat?" after a wish.
# "Wat kost een gesprek?", "is deze chat gratis": the price of our service, never of
# something just explained; "wie betaalt da/dat/die" points back at the last answer.
SERVICE_COST = re.compile(r"\b(gesprek\w*|chat\w*|consulent\w*|jullie|loopbaan\w*|coach\w*|"
                          r"lid\w*|dienst\w*|deze|dit|u|jij)\b", re.IGNORECASE)
POINTS_BACK = re.compile(r"\b(da|dat|die|dit|het|zoiets|zo'?n|ervoor|daarvoor)\b", re.IGNORECASE)
PAYS = re.compile(r"\bbetaal\w*|\bkost(en)?\b|\bgratis\b", re.IGNORECASE)
# The sofa, not a bank: "'s avonds lig ik moe op de bank", "op de bank hangen".
SOFA = re.compile(r"\b(op|van|naar)\s+de\s+bank\b(?!\s+(werk|gewerkt|kantoor))|"
                  r"\bbank\s+(hangen|liggen|zitten|ploffen)\b", re.IGNORECASE)
# A wish for the day without a word of thanks: a goodbye.
FAREWELL_ONLY = re.compile(r"^(?!.*\b(dank\w*|bedankt|thanks?|thx|merci)\b)\W*((nou|oké|oke|ok|"
                           r"nou\s+ja|goed)\W+)?(nog\s+)?(een\s+)?(fijne|prettige|goeie|goede|mooie)\s+"
                           r"(dag|avond|middag|weekend|week)(\s+(nog|dan|verder|hoor|he|hè))*\W*$",
                           re.IGNORECASE)
# "nee ik bedoel de taalles": what they meant, after we misread.
MEANT = re.compile(r"^\W*(nee+n?\W+)?(ik\s+)?bedoel\b", re.IGNORECASE)
# "… met zo'n consulent praat. Kan dat?": the question asks for the wish before it.
# "Kan een consulent mij daarbij helpen? Dan graag per mail." asks for one (round 19, p82 got a
# tip about coffee with someone in the trade).
CONSULTANT_CAN_HELP = re.compile(
    r"\b(kan|kunnen|kun|kunt)\s+(een|de|zo'?n|jullie|die|uw)\s+(loopbaan)?(consulent|coach|"
    r"adviseur)\w*\s+(mij|me|ons)\s+(\w+\s+){0,2}(helpen|bijstaan|begeleiden|ondersteunen)\b|"
    # "kan iemand dat niet gewoon voor me uitrekenen" (round 27b, p133 got a topic menu twice);
    # "ik ben lid van de FNV. kan iemand daar ff naar kijken voor vrijdag?" (p124 heard "Dat
    # valt buiten wat ik weet").
    r"\bkan\s+(er\s+)?iemand\s+(van\s+(de\s+bond|jullie|de\s+vakbond|de\s+fnv|het\s+acv|de\s+cnv)\s+)?"
    r"(dat|dit|het|daar|er)\s+(\w+\s+){0,4}?(naar\s+kijken|uitrekenen|berekenen|nakijken|bekijken|"
    r"uitzoeken)\b",
    re.I)
CAN_THAT = re.compile(r"^[^?]{0,3}[.!]?\s*((kan|mag|gaat)\s+(dat|het)(\s+(ook|wel|hier))?|"
                      r"(kun|kunt|kan|kunnen)\s+(u|jij|je|jullie)\s+(dat|het|dit)\s+(regelen|doen|"
                      r"organiseren|aanvragen))\s*\?+\s*$", re.IGNORECASE)
# "sorry mijn nederlands is niet goed", "my dutch is bad" (round 10; round 18, p78 got a topic menu)
LITTLE_DUTCH = re.compile(
    r"\b(spreek|praat|begrijp|versta|schrijf|ken)\s+(maar\s+|nog\s+)*(een\s+)?(beetje|weinig|"
    r"niet\s+(zo\s+|veel\s+)?goed|slecht|geen)\s+nederlands\b|\b(mijn|m'?n)\s+nederlands\s+(is\s+)?"
    r"(nog\s+)?(niet|slecht|nie)\b|\bnederlands\s+is\s+(moeilijk|lastig)\b|\bniveau\s+a[12]\b|"
    r"\bmy\s+dutch\s+(is\s+)?(not|bad|poor)|\b(little|no|bad|poor)\s+dutch\b|"
    r"\bweinig\s+nederlands\b", re.I)

# "Dat was ook geen vraag. Ik probeerde uit te leggen hoe het met me gaat." after we answered
# a story as a question (round 22c, p103 got a tip to track his energy).
NOT_A_QUESTION = re.compile(
    r"\b(was|is)\s+(ook\s+|toch\s+|helemaal\s+|eigenlijk\s+)?(geen|niet\s+eens\s+een)\s+vraag\b|"
    r"\bik\s+(stelde|vroeg)\s+(toch\s+|ook\s+|helemaal\s+)?(geen\s+vraag|niks|niets)\b", re.I)

# Words of our own texts that a person learning Dutch asks about: "ik begrijp niet moeilijk
# woord. wat is consulent? en vrijblijvend?" got "Het lukt me niet goed om je te begrijpen"
# (round 22c, p105). Each has a response utter_word_<key>.
GLOSSARY = {
    "consulent": r"(loopbaan)?consul[ae]nt\w*",
    "vrijblijvend": r"vrijblijvend\w*",
    "vertrouwelijk": r"vertrouwelijk\w*",
    "intrekken": r"intrek\w*",
    "samenvatting": r"samenvatting\w*",
}
ASKS_MEANING = re.compile(
    r"\bwat\s+(is|zijn|betekent|betekend|betekenen|bedoel\s+je\s+met|wil\s+zeggen)\b|"
    r"\b(begrijp|snap|ken|versta)\s+(ik\s+)?(het\s+)?(woord\s+)?(niet|nie|ni)\b|"
    r"\bmoeilijk\w*\s+woord\w*|\bwhat\s+(is|means)\b", re.I)


def words_to_explain(text: str) -> list[str]:
    """The glossary words a short message asks the meaning of, in glossary order."""
    if len(text.split()) > 20 or not ASKS_MEANING.search(text):
        return []
    return [word for word, pattern in GLOSSARY.items()
            if re.search(rf"\b{pattern}\b", text, re.I)]

# Agency work now ("ik werk in magazijn via uitzend", "ik zit bij een uitzendbureau") and as a
# wish ("ik wil gewoon in loondienst of via uitzend"): only the first is their contract.
AGENCY_NOW = re.compile(r"\b(ik\s+)?(werk|zit|sta|ben)\s+"
                        r"(?!(\w+\s+){0,4}?(niet|nie|ni|geen|nooit)\b)(nu\s+|al\s+)?(\w+\s+){0,4}?"
                        r"(via|bij)\s+(een\s+|het\s+|'t\s+)?uitzend\w*", re.I)
# "ik pick nu al 14 maanden orders ... via een uitzendbureau", "gwn uitzendcontract" (round 25,
# p121 was asked "Wat voor contract heb je" twice): agency work in other verbs.
AGENCY_SAID = re.compile(r"\bvia\s+(een\s+|het\s+|'t\s+|t\s+)?uitzend\w*|\buitzend\s?contract\w*|"
                         r"\b(ik\s+ben|als)\s+(een\s+)?uitzendkracht\b", re.I)
AGENCY_WISH = re.compile(r"\b(wil|wou|zou|liefst|liever|zoek|zoeken|kan\s+ik|mag\s+ik)\b"
                         r"[^.?!]{0,60}\b(via\s+(een\s+|het\s+)?uitzend\w*|uitzendbureau)", re.I)
# "ik ben 4 maanden zwanger", "zwanger ben ik sinds kort": the card says it, because the
# question is about it (round 22e, p109: "er staat niet in dat ik zwanger ben?? dat is juist
# het hele punt"). Health data: it leaves the card with the health marker on request.
PREGNANT = re.compile(
    r"\b(ik\s+ben|'?k\s+ben|ben\s+ik|ik\s+zen)\s+(nu\s+|al\s+|sinds\s+kort\s+|"
    r"\w+\s+(maand|maanden|mnd|mnden|mndn|weken|week|wk|wkn)\.?\s+)?(zwanger|in\s+verwachting)\b|"
    # "dat ik zwanger ben", "of ik moet zeggen dat ik zwanger ben" (round 23, p109: "4 mnd")
    r"\bik\s+(\w+\s+){0,2}zwanger\s+(ben|zen|was)\b|"
    r"\bzwanger\s+(ben|zen)\s+ik\b|\bm[ij]?j?n\s+zwangerschap\b", re.I)
