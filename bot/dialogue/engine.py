"""The conversation: one decision per message, from the message and what was said before.

Rasa classifies the message (intent, entities, crisis level, topics); this module
decides what to say. It is plain Python over a dict of slots, so every rule below
is tested without a server (tests/dialogue/). The order of the checks is the
order of what matters most:

1. safety: a clear crisis statement gets the crisis answer at once; a possible
   one gets one gentle, direct check question (113's guidance);
2. what the person already said is picked up (name, phone, e-mail, channel),
   from any message, and never asked again;
3. an open question of ours is answered in its context: "ja" to the consent
   question is consent, "ja maar wat is fase A dan" is a question;
4. the handover form takes free text, answers questions in between and only
   stops on an explicit, confirmed stop;
5. topics and questions: a knowledge-base answer where there is one, the
   topic's orientation otherwise, and a consultant offer that is never pushed.
"""

from __future__ import annotations

import re
from typing import Any

from bot.dialogue.pickup import Picked, pick_name, pick_up
from bot.dialogue.turn import Outcome, Say, Turn
from bot.handover import contact
from bot.handover.topics import CAREER_TOPICS, LABELS, OFFER_TOPICS
from bot.knowledge.entries import Entry
from bot.knowledge.retriever import Match

SERVICE_ANSWERS = {
    "ask_cost": "utter_ask_cost",
    "ask_privacy": "utter_ask_privacy",
    "ask_how_it_works": "utter_ask_how_it_works",
    "ask_capabilities": "utter_ask_capabilities",
    "bot_challenge": "utter_bot_challenge",
}
MISS_INTENTS = ("nlu_fallback", "out_of_scope", "bad_input", "other_language")
FORM_STEPS = ("consent", "name", "channel", "phone", "email", "time", "region", "summary",
              "summary_edit")
STEP_QUESTIONS = {
    "name": "utter_ask_contact_name",
    "channel": "utter_ask_contact_channel",
    "phone": "utter_ask_contact_phone",
    "email": "utter_ask_contact_email",
    "time": "utter_ask_contact_time",
    "region": "utter_ask_region",
    "summary_edit": "utter_ask_summary_edit",
}
# Responses that tell the person to go to their employer: not for someone who said
# the employer must not know.
EMPLOYER_ADVICE = frozenset({
    "utter_selfhelp_training", "utter_selfhelp_funding", "utter_topic_funding",
    "utter_selfhelp_career_growth", "utter_selfhelp_work_life_balance",
    "utter_selfhelp_retirement", "utter_selfhelp_hr_conversation",
})
_EMPLOYER_SECRET = re.compile(
    r"(werkgever|baas|leidinggevende|chef|hr)\w*\s+(mag|moet|hoeft)\s+(het|dit|dat)?\s*"
    r"(niet|nie|ni)\s+(te\s+)?(weten|horen)|zonder\s+dat\s+(mijn|m'n|mn)\s+(werkgever|baas|chef)",
    re.IGNORECASE,
)
# Words that name a topic, to hear when a person says it is NOT about that topic
# ("er is geen reorganisatie", "pensioen?? ik ben 27", "het gaat niet over gezin").
TOPIC_WORDS = {
    "retirement": r"pensioen\w*|aow|rvu|stoppen met werken",
    "job_insecurity": r"reorganisatie|ontslag\w*|op de tocht|boventallig|onzeker\w*",
    "flex_contract": r"flex\w*|tijdelijk\w*|uitzend\w*|nulur\w*|oproep\w*",
    "unemployed": r"werkloos|ontslagen|ww|uitkering",
    "work_life_balance": r"gezin|kinderen|mantelzorg|minder uren|parttime",
    "hr_conversation": r"gesprek\w*(\s+met\s+\w+\s+\w+)?|leidinggevende",
    "workload_health": r"werkdruk|stress|burn-?out|ziek\w*",
    "conflict_at_work": r"ruzie|conflict|pesten|gepest",
    "training": r"opleiding|cursus|scholing",
    "funding": r"budget|subsidie",
    "career_change": r"ander vak|ander beroep|overstappen",
    "job_search": r"solliciter\w*|vacature\w*",
    "stuck": r"vastgelopen|vast\s+gelopen|vastzitten|vast\s+zitten",
    "career_test": r"test\w*",
    "career_growth": r"doorgroeien|promotie",
}
TOPIC_WORDS["work_life_balance"] += r"|werk en priv[eé]( combineren)?"
_DENIAL = (r"(geen|niet|nie|niks|niets|gaat\s+niet\s+over|niet\s+om|"
           r"helemaal\s+niet)\s+(\w+\s+){0,2}")
_STOP_FORM_WORDS = re.compile(r"\b(stop|stoppen|laat maar|hou op|annuleer|afbreken|"
                              r"wil niet meer|hoeft niet meer|toch niet)\b", re.I)
_GOODBYE_WORDS = re.compile(r"^\W*(doei|dag|daag|tot ziens|bye|doeg|salut|ciao|laters|"
                            r"slaapwel|welterusten|ik ga)\b", re.I)
_YES = re.compile(r"^\W*(ja+|jaa+|jawel|jazeker|jep|jup|yep|yup|yes|ok|oke|oké|okay|prima|goed|"
                  r"klopt|is goed|is prima|dat is goed|dat mag|mag wel|mag|verstuur|doe maar|"
                  r"akkoord|zeker|graag|natuurlijk|tuurlijk|uiteraard|allee|ja hoor)\b", re.I)
_NO_START = re.compile(r"^\W*(nee|neen|niet|nie|no|nope)\b", re.I)
# "Krijgt mijn werkgever of de bedrijfsarts te zien wat ik hier schrijf?": the privacy
# promise, whatever the classifier makes of the rest of the message.
_PRIVACY_QUESTION = re.compile(
    r"\b(werkgever|baas|leidinggevende|chef|hr|bedrijfsarts|arbo\w*|dossier|collega'?s|uwv)\b"
    r".{0,80}\b(zien|ziet|horen|hoort|lezen|leest|meelezen|weten|terecht|komen|komt|delen|"
    r"gedeeld)\b|\b(vertrouwelijk|anoniem|privacy|meelezen|leest .{0,20} mee)\b|"
    r"\bwie\s+(leest|ziet|krijgt)\b|\bwat\s+(doe|doet|doen)\s+(je|jij|ge|jullie)\s+met\s+"
    r"(mijn|m'?n|mn)\s+(gegevens|nummer|data|naam)", re.I)
_TIME_WORDS = re.compile(r"\b(vandaag|morgen|overmorgen|ochtend|middag|avond|\w+dag|"
                         r"week|uur|na|voor|tussen|vanaf|tot|nu|meteen|direct|asap|\d)\b",
                         re.I)
_URGENT = re.compile(r"\b(dringend|spoed|zo snel mogelijk|vandaag nog|meteen|nu meteen|asap|"
                     r"haast)\b|\bnu\b.*\b(bellen|spreken|iemand)\b", re.I)
_GOODBYE_END = re.compile(r"\b(doei|daag|tot\s+ziens|bye|doeg|ciao|salut|houdoe|groetjes|"
                          r"fijne\s+dag(\s+nog)?|welterusten)\W*$", re.I)
_DELETE_WORDS = re.compile(r"\b(wis\w*|verwijder\w*|vergeet|vergeten|gegevens|delete|"
                           r"weg\s*halen|weg\s*gooien|weggooi\w*|weg\s+ermee|opruimen)\b",
                           re.I)
_BOT_QUESTION = re.compile(
    r"\b(wie|wat)\s+(ben|zijt|zij)\s+(jij|je|gij|ge)\b|\bvan\s+welke\s+(vakbond|bond)\b|"
    r"\bben\s+(je|jij)\s+(een\s+)?(mens|robot|bot)\b", re.I)
_NO_CONSULTANT = re.compile(
    r"\b(geen|niet)\s+(\w+\s+){0,2}(consulent|gesprek|coach|afspraak)\b|"
    r"\balleen\s+(wat\s+)?informatie\b|\bwil\s+(niemand|geen\s+mens)\b", re.I)
# Chat words that are never a name, however they are typed.
_FILLER = frozenset({
    "ja", "nee", "ok", "oke", "oké", "okay", "doe", "maar", "gwn", "gewoon", "zei", "zeg",
    "ik", "toch", "al", "haha", "hihi", "top", "prima", "goed", "hoor", "he", "hè", "jij",
    "je", "u", "mijn", "naam", "is", "de", "het", "een", "dat", "dus", "nou", "ff", "even",
    "wel", "niet", "geen",
})
_OVERWHELMED = re.compile(r"\bweet\s+(het\s+)?(even\s+)?niet\s+meer\b|\beven\s+niet\b|"
                          r"\bte\s+veel\b|\bmoe\s+van\s+alles\b", re.I)
_HEALTH_OUT = re.compile(r"gezondheid.{0,40}\b(weg|niet|hoeft|eruit)\b|"
                         r"\b(moet|hoeft)\b.{0,40}gezondheid", re.I)
_SIMPLER = re.compile(r"\b(makkelijk\w*|simpel\w*|eenvoudig\w*|please simple|begrijp\s+(het\s+)?"
                      r"niet|snap\s+(het\s+)?niet|nederlands\s+is\s+niet\s+goed)\b", re.I)
_ADVICE_QUESTION = re.compile(r"\b(wat kan ik( zelf)? doen|tips?|hoe pak ik|hoe kan ik|"
                              r"wat moet ik doen|wat raad je)\b", re.I)
_VIOLENCE = re.compile(r"\b(sla|slaan|timmer|mep|schop)\b.{0,30}\b(hem|haar|die|z'?n|zijn|"
                       r"in elkaar)\b|op\s+(z'?n|zijn|haar)\s+bek", re.I)
_WITHDRAW = re.compile(r"\b(intrekken|intrek|annuleren|annuleer|schrappen|hoeft niet meer|"
                       r"weg\s*halen)\b", re.I)
_NO_PREFERENCE = re.compile(r"\b(maakt\s+(me\s+)?niet\s+uit|geen\s+voorkeur|weet\s+(ik\s+)?niet"
                            r"|maakt\s+niks\s+uit|altijd|wanneer\s+je\s+wil)\b", re.I)
_SKIP_ANSWER = re.compile(r"\b(zeg\s+ik\s+liever\s+niet|liever\s+niet|geen\s+idee|sla\s+over"
                          r"|overslaan)\b", re.I)
MAX_CHECK_QUESTIONS = 2
# A deepening question whose answer the person already gave gets its other version
# ("mijn contract loopt af over 3 weken, via een uitzendbureau": not "wat voor contract?").
DEEPEN_WHEN_KNOWN = {
    "flex_contract": (("contract_type", "deadline"), "utter_deepen_flex_contract_known"),
    "retirement": (("age",), "utter_deepen_retirement_known"),
    "unemployed": (("deadline",), "utter_deepen_unemployed_known"),
    "job_insecurity": (("deadline",), "utter_deepen_job_insecurity_known"),
}


def _label(topic: str) -> str:
    return LABELS.get(topic, topic)


class Conversation:
    """One turn: reads slots and the message, writes an Outcome."""

    def __init__(self, slots: dict[str, Any], turn: Turn) -> None:
        self.slots = dict(slots)
        self.turn = turn
        self.out = Outcome()
        self.recent = set(slots.get("recent") or [])

    # ----- small helpers -------------------------------------------------------------

    def get(self, name: str) -> Any:
        return self.slots.get(name)

    def set(self, **values: Any) -> None:
        self.slots.update(values)
        self.out.slots.update(values)

    def say(self, response: str, *, repeatable: bool = False, **values: Any) -> None:
        """Say a response; an informational block said last turn is not said again."""
        if not repeatable and response in self.recent:
            return
        if any(s.response == response for s in self.out.says):
            return  # once per turn
        if response in EMPLOYER_ADVICE and self.get("employer_secret"):
            return
        self.out.says.append(Say(response=response, values=values))

    def say_text(self, lines: tuple[str, ...] | list[str]) -> None:
        self.out.says.extend(Say(text=line) for line in lines)

    def say_knowledge(self, entry: Entry) -> None:
        """A knowledge answer; asked again right after, it comes in easier words."""
        if entry.id in (self.get("knowledge_recent") or []):
            if entry.simple:
                self.say_text([entry.simple])
            else:
                self.say("utter_knowledge_again", repeatable=True)
        else:
            self.say_text(entry.answer)
        self.set(knowledge_recent=[entry.id])

    def topics(self) -> list[str]:
        return list(self.get("topics") or [])

    @property
    def intent(self) -> str:
        return self.turn.intent

    @property
    def pending(self) -> str | None:
        return self.get("pending")

    def has_ticket(self) -> bool:
        return bool(self.get("ticket_reference"))

    def may_offer(self) -> bool:
        return not (self.get("offer_declined") or self.has_ticket() or self.get("handover"))

    # ----- the decision ----------------------------------------------------------------

    def decide(self) -> Outcome:
        turn = self.turn
        if turn.knowledge is None and turn.mentioned and turn.is_question:
            # "kan ik hem aanklagen?": the entry's own words name the question.
            turn.knowledge = Match(turn.mentioned, 1.0)
        if turn.intent != "goodbye" and not turn.is_question and (
                (_GOODBYE_WORDS.match(turn.text) and len(turn.text.split()) <= 3)
                or _GOODBYE_END.search(turn.text)):
            turn.intent = "goodbye"  # "doei", "top, thanks! doei 👋" as people type them
        if turn.intent == "delete_my_data" and not _DELETE_WORDS.search(turn.text):
            # "Nee. Ge moogt mij niet bellen." is no request to erase anything.
            turn.intent = "deny"
        if _BOT_QUESTION.search(turn.text):
            turn.intent = "bot_challenge"
        if _NO_CONSULTANT.search(turn.text):
            self.set(offer_declined=True)
            if self.pending == "offer":
                self.set(pending=None)
        first = not self.get("disclosed")
        crisis_first = first and (turn.crisis_level == "clear" or turn.intent == "crisis")
        if first:
            self.set(disclosed=True)
            # The greeting and the bot question say it themselves; a crisis answer comes
            # before anything else, the introduction after it.
            if self.intent not in ("greet", "bot_challenge") and not crisis_first:
                self.say("utter_disclosure")
        if _EMPLOYER_SECRET.search(self.turn.text):
            self.set(employer_secret=True)
        picked = pick_up(self.turn.text, self.turn.flemish)
        if re.search(r"\b(113|112|1813)\b", self.turn.text):
            # "ik ga niet bellen met 113" is about 113, not about how we may reach them.
            picked.refused_channels = set()
        self._remember_profile()
        if _URGENT.search(self.turn.text):
            self.set(urgent_request=True)
        if _VIOLENCE.search(self.turn.text) and not self.get("deescalated"):
            # Anger at a boss is heard, and the person is kept from harming themselves.
            self.say("utter_deescalate", repeatable=True)
            self.set(deescalated=True)
        self._drop_denied_topics()
        self._dispatch(picked)
        self._offer_mentioned()
        if crisis_first:
            self.say("utter_disclosure")
        if not self.out.says and not self.out.effect:
            self.say("utter_anything_else", repeatable=True)
        self.set(recent=[s.response for s in self.out.says if s.response])
        if not any(s.text for s in self.out.says):
            self.set(knowledge_recent=None)
        return self.out

    def _dispatch(self, picked: Picked) -> None:
        turn = self.turn
        if _SIMPLER.search(turn.text) and turn.crisis_level != "clear" and \
                self.pending not in FORM_STEPS:
            self.simpler()
            return
        if turn.is_question and _PRIVACY_QUESTION.search(turn.text) and \
                turn.crisis_level != "clear" and self.intent != "crisis":
            self.say("utter_ask_privacy", repeatable=True)
            if self.get("handover") and self.pending in FORM_STEPS:
                self.ask_step(self.pending)
                return
            new_topics = [t for t in self._message_topics() if t not in self.topics()]
            other_answer = self.turn.knowledge and self.turn.knowledge.entry.topic not in (
                "ask_privacy",)
            if not (new_topics or other_answer):
                return
            # "Kan ik eerder stoppen? En ziet mijn leidinggevende dit?": both get an answer.
        if turn.crisis_level == "clear" or self.intent == "crisis":
            self.crisis()
            return
        if self.pending == "crisis_check":
            self.answer_check(picked)
            return
        if turn.crisis_level == "possible" and not self.get("safety_flag"):
            if int(self.get("checks_asked") or 0) < MAX_CHECK_QUESTIONS:
                self.ask_check()
                return
            # Asked twice already: no third question, but the way to help stays in view.
            self.say("utter_crisis_soft", repeatable=True)
        if (self.intent == "not_what_i_meant" and not _YES.match(self.turn.text)) or (
                self.protests() and ("utter_crisis" in self.recent
                                     or "utter_crisis_check" in self.recent)):
            self.misread()
            return
        handler = {
            "delete_confirm": self.answer_delete_confirm,
            "stop_confirm": self.answer_stop_confirm,
            "withdraw_confirm": self.answer_withdraw_confirm,
            "email_typo": self.answer_email_typo,
            "update_confirm": self.answer_update_confirm,
            "crisis_offer": self.answer_crisis_offer,
        }.get(self.pending or "")
        if handler:
            handler(picked)
            return
        if self.intent == "delete_my_data":
            self.ask_delete()
            return
        if self.get("handover"):
            self.form_turn(picked)
            return
        self.free_turn(picked)

    # ----- profile and misses ----------------------------------------------------------

    def _remember_profile(self) -> None:
        for name in ("contract_type", "sector", "age", "region", "deadline"):
            value = self.turn.entity(name)
            if value:
                self.set(**{name: value})

    def _offer_mentioned(self) -> None:
        """Help the person did not ask for but needs ("18 duizend schuld"), once."""
        entry = self.turn.mentioned
        given = list(self.get("offered_answers") or [])
        if entry is None or entry.id in given or self.turn.crisis_level == "clear":
            return
        if any(s.text for s in self.out.says):
            return  # one knowledge answer per turn is enough
        self.say_text(entry.answer)
        self.set(offered_answers=[*given, entry.id])

    def denied_topics(self) -> set[str]:
        text = self.turn.text.lower()
        return {topic for topic, words in TOPIC_WORDS.items()
                if re.search(rf"{_DENIAL}({words})\b", text)
                or re.search(rf"\b({words})\s*\?\?", text)}

    def _drop_denied_topics(self) -> None:
        """A topic the person says is not theirs leaves the conversation and the ticket."""
        denied = self.denied_topics()
        if not denied:
            return
        self.set(denied_topics=sorted(set(self.get("denied_topics") or []) | denied))
        known = self.topics()
        wrong = [t for t in known if t in denied]
        if not wrong:
            return
        kept = [t for t in known if t not in denied]
        self.set(topics=kept, primary_topic=kept[0] if kept else None,
                 last_topic=kept[-1] if kept else None)
        if self.pending in ("deepen", "offer"):
            self.set(pending=None)
        self.say("utter_sorry_topic", repeatable=True,
                 topic=" en ".join(_label(t) for t in wrong))

    def _count_miss(self) -> int:
        misses = int(self.get("misses") or 0) + 1 if self.intent in MISS_INTENTS else 0
        self.set(misses=misses)
        return misses

    # ----- safety ------------------------------------------------------------------------

    def crisis(self) -> None:
        told = int(self.get("crisis_told") or 0)
        if told == 0:
            self.say("utter_crisis", repeatable=True)
            self.say("utter_crisis_help", repeatable=True)
        else:
            self.say("utter_crisis_again", repeatable=True)
        self.set(safety_flag=True, crisis_told=told + 1, misses=0)
        if self.get("handover"):
            self.say("utter_crisis_form_continue", repeatable=True)
            self.ask_step(self.next_step())
        elif self.has_ticket():
            self.say("utter_crisis_ticket_exists", repeatable=True,
                     ticket_reference=self.get("ticket_reference"))
            self.set(pending=None)
        elif told == 0 or not self.get("crisis_offer_declined"):
            self.say("utter_crisis_offer_human", repeatable=True)
            self.set(pending="crisis_offer")

    def ask_check(self) -> None:
        self.set(checks_asked=int(self.get("checks_asked") or 0) + 1,
                 resume_pending=self.pending, check_topics=self._message_topics())
        self.say("utter_crisis_check", repeatable=True)
        self.set(pending="crisis_check")

    def answer_check(self, picked: Picked) -> None:
        resume = self.get("resume_pending")
        if self.intent in ("affirm",) and not self.turn.is_question:
            self.set(pending=resume)
            self.crisis()
            return
        if self.intent in ("deny", "not_what_i_meant", "thank"):
            self.say("utter_crisis_check_no", repeatable=True)
            topics = list(self.get("check_topics") or [])
            self.set(pending=resume, check_topics=None, resume_pending=None)
            if self.get("handover"):
                self.ask_step(self.next_step())
            elif topics:
                self.topic_turn(topics, from_check=True)
            else:
                self.resume()
            return
        # No clear no ("laat maar, grapje"): the help is said once, gently, without
        # pressing, the consultant sees the flag, and the message is handled as it is.
        self.say("utter_crisis_soft", repeatable=True)
        self.set(pending=resume, resume_pending=None, safety_flag=True)
        if self.get("handover"):
            self.form_turn(picked)
        else:
            self.free_turn(picked)

    def answer_crisis_offer(self, picked: Picked) -> None:
        if self.intent in ("affirm", "request_human") or picked.phone or picked.channel:
            self.set(pending=None)
            self.start_handover(picked)
            return
        if self.intent in ("deny", "goodbye", "stop_form", "thank") or re.search(
                r"\b(laat maar|grapje|hoeft niet|nee)\b", self.turn.text, re.I):
            self.set(pending=None, crisis_offer_declined=True, offer_declined=True)
            self.say("utter_crisis_declined", repeatable=True)
            return
        self.set(pending=None)
        self.free_turn(picked)

    def simpler(self) -> None:
        """"Kan u makkelijk zeggen?": the last answer in easier words, or a plain offer."""
        recent = list(self.get("knowledge_recent") or [])
        entry = self.turn.knowledge.entry if self.turn.knowledge else None
        if entry is not None and entry.id in recent and entry.simple:
            self.say_text([entry.simple])
            return
        self.say("utter_simpler", repeatable=True)

    def protests(self) -> bool:
        """A "no" that says more than no ("nee hoor, ik wil me niet van kant maken")."""
        return self.intent == "deny" and len(self.turn.text.split()) >= 4

    def misread(self) -> None:
        self.say("utter_sorry_misread", repeatable=True)
        misread_crisis = "utter_crisis" in self.recent or "utter_crisis_check" in self.recent
        if misread_crisis and int(self.get("crisis_told") or 0) <= 1:
            # Set by the message we misread: it was not a crisis statement.
            self.set(safety_flag=False)
        self.set(pending=None if self.pending in ("crisis_offer", "crisis_check")
                 else self.pending)
        if self.get("handover"):
            self.ask_step(self.next_step())
        elif self.get("last_topic"):
            self.say(self.deepen_response(self.get("last_topic")), repeatable=True)
            self.set(pending="deepen")
        else:
            self.say("utter_tell_more", repeatable=True)

    # ----- confirmations -----------------------------------------------------------------

    def _plain_yes(self) -> bool:
        """An unmistakable yes: "ja", "ja, verstuur dan maar"; never "ja maar wat is ...?"."""
        if self.turn.is_question:
            return False
        if self.turn.is_button:
            return self.intent == "affirm"
        text = self.turn.text
        # Words, not the classifier: consent and deletion hang on this ("oh top" is not a yes).
        return bool(_YES.match(text)) and not _NO_START.match(text)

    def ask_delete(self) -> None:
        self.say("utter_ask_delete_confirm", repeatable=True)
        self.set(pending="delete_confirm", resume_pending=self.pending)

    def answer_delete_confirm(self, picked: Picked) -> None:
        text = self.turn.text
        said_delete = bool(re.match(r"^\W*(wis|verwijder|weg\s+ermee|doe\s+maar)", text, re.I))
        refused = bool(_NO_START.match(text) or re.search(
            r"\b(niet|nie|geen)\s+(\w+\s+)?(wissen|wis|verwijder\w*)\b", text, re.I))
        if (self._plain_yes() or said_delete) and not refused and not self.turn.is_question:
            # Only words that say yes to deleting: "Nee, niet wissen" once erased everything.
            self.set(pending=None)
            self.out.effect = "erase"
            return
        self.set(pending=self.get("resume_pending"), resume_pending=None)
        if self.intent == "deny":
            self.say("utter_delete_cancelled", repeatable=True)
            self.resume()
            return
        # Not a clear yes: nothing is deleted, and the message is handled as it is.
        self.say("utter_delete_not_done", repeatable=True)
        if self.get("handover"):
            self.form_turn(picked)
        else:
            self.free_turn(picked)

    def answer_stop_confirm(self, picked: Picked) -> None:
        if self._plain_yes() or (self.intent == "stop_form" and not self.turn.is_question):
            self.set(pending=None)
            self.stop_form()
            return
        self.set(pending=self.get("resume_pending"), resume_pending=None)
        if self.intent == "deny":
            self.say("utter_form_continues", repeatable=True)
            self.ask_step(self.next_step())
            return
        self.form_turn(picked)

    def answer_withdraw_confirm(self, picked: Picked) -> None:
        self.set(pending=None)
        if self._plain_yes():
            self.out.effect = "withdraw_request"
            return
        self.say("utter_request_kept", repeatable=True,
                 ticket_reference=self.get("ticket_reference"))

    def answer_update_confirm(self, picked: Picked) -> None:
        changes = dict(self.get("proposed_changes") or {})
        self.set(pending=None, proposed_changes=None)
        if self._plain_yes() and changes:
            self.out.effect = "update_request"
            self.out.effect_values = changes
            return
        if self.intent == "deny":
            self.say("utter_request_kept", repeatable=True,
                     ticket_reference=self.get("ticket_reference"))
            return
        self.free_turn(picked)

    def answer_email_typo(self, picked: Picked) -> None:
        suggestion = self.get("email_suggestion")
        self.set(pending=self.get("resume_pending"), resume_pending=None, email_suggestion=None)
        if picked.email:
            self.apply_picked(picked)
        elif suggestion and (self._plain_yes()
                             or suggestion.split(".")[0] in self.turn.text.lower()):
            local = str(self.get("contact_email") or "").rsplit("@", 1)[0]
            self.set(contact_email=f"{local}@{suggestion}")
        elif self.intent == "deny":
            pass  # the address was right as typed
        if self.get("handover"):
            self.ask_step(self.next_step())

    # ----- the handover form ---------------------------------------------------------------

    def start_handover(self, picked: Picked | None = None) -> None:
        if self.has_ticket():
            self.say("utter_request_exists", repeatable=True,
                     ticket_reference=self.get("ticket_reference"))
            return
        self.set(handover=True, offer_declined=False)
        if picked:
            self.apply_picked(picked, announce=False)
        self.ask_step(self.next_step())

    def next_step(self) -> str | None:
        if self.get("consent_given") is not True:
            return "consent"
        skipped = set(self.get("skipped") or [])
        crisis = bool(self.get("safety_flag"))
        if not crisis and not self.get("contact_name") and "name" not in skipped:
            return "name"
        channel = self.get("contact_channel")
        if not channel:
            return "channel"
        if channel in ("phone", "whatsapp") and not self.get("contact_phone"):
            return "phone"
        if channel == "email" and not self.get("contact_email"):
            return "email"
        # After a crisis statement: no call time or region, only what the person sees
        # before it is shared (the consent text promises that).
        if not crisis and channel in ("phone", "whatsapp") and not self.get("contact_time") \
                and "time" not in skipped:
            return "time"
        if not crisis and not self.get("region") and "region" not in skipped:
            return "region"
        if self.get("summary_confirmed") is not True:
            return "summary_edit" if self.pending == "summary_edit" else "summary"
        return None

    def ask_step(self, step: str | None) -> None:
        if step is None:
            self.set(pending=None, handover=False)
            self.out.effect = "create_ticket"
            return
        self.set(pending=step)
        if step == "consent":
            self.say("utter_explain_consent", repeatable=True)
            if any(t == "workload_health" for t in self.topics()):
                self.say("utter_health_note_consent", repeatable=True)
            self.say("utter_ask_consent_given", repeatable=True)
        elif step == "summary":
            self.say("utter_ask_summary_confirmed", repeatable=True,
                     summary=self.summary_text())
        elif step == "channel" and self.get("refused_channels"):
            self.say("utter_ask_contact_channel_without", repeatable=True,
                     refused=", ".join(self._channel_words(self.get("refused_channels"))))
        else:
            self.say(STEP_QUESTIONS[step], repeatable=True)

    @staticmethod
    def _channel_words(channels: list[str]) -> list[str]:
        words = {"phone": "bellen", "whatsapp": "WhatsApp", "email": "e-mail", "chat": "chat"}
        return [words.get(c, c) for c in channels]

    def summary_text(self) -> str:
        from bot.handover.topics import build_summary

        topic_part = self.get("summary_text") or build_summary(
            self.topics(), sector=self.get("sector"), contract_type=self.get("contract_type"),
            deadline_text=self.get("deadline"))
        self.set(summary=topic_part)
        lines = []
        name = self.get("contact_name")
        lines.append(f"Naam: {name if name and name != contact.ANONYMOUS else 'anoniem'}")
        channel = self.get("contact_channel")
        how = {"phone": "bellen", "whatsapp": "WhatsApp", "email": "e-mail",
               "chat": "hier in de chat"}.get(channel or "", "-")
        detail = self.get("contact_phone") if channel in ("phone", "whatsapp") else (
            self.get("contact_email") if channel == "email" else None)
        lines.append(f"Contact: {how}" + (f", {detail}" if detail else ""))
        if self.get("contact_time"):
            lines.append(f"Moment: {self.get('contact_time')}")
        if self.get("region"):
            lines.append(f"Plaats: {self.get('region')}")
        lines.append(f"Waarover: {topic_part}")
        return "\n".join(lines)

    def apply_picked(self, picked: Picked, announce: bool = True) -> list[str]:
        """Store what the message told; returns the names of what changed."""
        changed = []
        if picked.refused_channels:
            refused = sorted(set(self.get("refused_channels") or []) | picked.refused_channels)
            self.set(refused_channels=refused)
            if self.get("contact_channel") in picked.refused_channels:
                self.set(contact_channel=None)
                changed.append("channel")
        if picked.name and picked.name != self.get("contact_name"):
            self.set(contact_name=picked.name)
            changed.append("name")
        if picked.phone and picked.phone != self.get("contact_phone"):
            self.set(contact_phone=picked.phone)
            changed.append("phone")
        if picked.email and picked.email != self.get("contact_email"):
            self.set(contact_email=picked.email)
            changed.append("email")
            if picked.email_suggestion:
                self.set(email_suggestion=picked.email_suggestion)
        if picked.channel and picked.channel != self.get("contact_channel"):
            self.set(contact_channel=picked.channel)
            changed.append("channel")
        elif not self.get("contact_channel") and self.pending == "channel":
            if picked.email:
                self.set(contact_channel="email")
                changed.append("channel")
            elif picked.phone:
                self.set(contact_channel="phone")
                changed.append("channel")
        if announce and changed:
            self.say("utter_noted", repeatable=True, noted=self.noted_text(changed))
        return changed

    def noted_text(self, changed: list[str]) -> str:
        parts = []
        if "name" in changed:
            parts.append(f"je naam is {self.get('contact_name')}")
        if "phone" in changed:
            parts.append(f"je nummer is {self.get('contact_phone')}")
        if "email" in changed:
            parts.append(f"je e-mailadres is {self.get('contact_email')}")
        if "channel" in changed and self.get("contact_channel"):
            parts.append("contact via " + self._channel_words([self.get("contact_channel")])[0])
        return ", ".join(parts) or "dat heb ik aangepast"

    def form_turn(self, picked: Picked) -> None:
        step = self.pending if self.pending in FORM_STEPS else self.next_step()
        intent = self.intent
        said_bye = _GOODBYE_WORDS.match(self.turn.text) or _GOODBYE_END.search(self.turn.text)
        if intent == "goodbye" and said_bye and step != "consent":
            # Leaving halfway loses nothing: the request waits, unsent, for their return.
            self.say("utter_form_paused", repeatable=True)
            return
        if intent == "greet" and not self.turn.is_question:
            self.say("utter_welcome_back", repeatable=True)
            self.ask_step(step)
            return
        explicit_stop = intent == "stop_form" and (
            self.turn.is_button or _STOP_FORM_WORDS.search(self.turn.text))
        if explicit_stop and step != "consent":
            self.say("utter_ask_stop_confirm", repeatable=True)
            self.set(pending="stop_confirm", resume_pending=step)
            return
        if step == "consent":
            if self._plain_yes():
                from datetime import UTC, datetime

                self.set(consent_given=True, consent_given_at=datetime.now(UTC).isoformat())
                self.apply_picked(picked, announce=False)
                self.ask_step(self.next_step())
                return
            if intent in ("deny", "goodbye", "stop_form") and not self.turn.is_question:
                self.decline_consent()
                return
        if step in ("summary", "summary_edit") and _HEALTH_OUT.search(self.turn.text):
            # Health is special-category data: on request it leaves the request entirely.
            kept = [t for t in self.topics() if t != "workload_health"]
            self.set(topics=kept, primary_topic=kept[0] if kept else None)
            self.say("utter_health_removed", repeatable=True)
            self.ask_step("summary")
            return
        if _OVERWHELMED.search(self.turn.text) and not self.turn.is_question:
            self.say("utter_take_time", repeatable=True)
            self.ask_step(step)
            return
        answered = self.answer_side_question()
        changed = self.apply_picked(picked, announce=False)
        if self.get("email_suggestion") and "email" in changed:
            self.ask_email_typo(step)
            return
        filled = bool(changed) or self.fill_step(step, picked, answered)
        if picked.phone_invalid and "phone" not in changed and step in ("phone", "channel"):
            self.say("utter_invalid_phone", repeatable=True)
            self.set(pending="phone" if self.get("contact_channel") else step)
            return
        if changed and step not in ("summary", "summary_edit"):
            self.say("utter_noted", repeatable=True, noted=self.noted_text(changed))
        if not filled and not answered:
            if self.turn.is_question and step != "consent":
                # A question we cannot answer is acknowledged, not met with "invalid".
                self.say("utter_question_for_consultant", repeatable=True)
                self.ask_step(step)
                return
            self.reask(step)
            return
        nxt = self.next_step()
        if step == "summary" and self.pending == "summary_edit":
            nxt = "summary_edit"
        elif step in ("summary", "summary_edit") and nxt in ("summary", "summary_edit"):
            nxt = "summary"
        self.ask_step(nxt)

    def decline_consent(self) -> None:
        self.say("utter_consent_declined", repeatable=True)
        self.clear_form()
        self.set(offer_declined=True)

    def clear_form(self) -> None:
        self.set(handover=False, pending=None, consent_given=None, consent_given_at=None,
                 contact_name=None, contact_channel=None, contact_phone=None,
                 contact_email=None, contact_time=None, summary=None, summary_text=None,
                 summary_confirmed=None, skipped=None, attempts=None)

    def stop_form(self) -> None:
        self.say("utter_form_stopped", repeatable=True)
        self.clear_form()
        self.set(offer_declined=True)

    def answer_side_question(self) -> bool:
        """A question in the middle of the form gets its answer; True when answered."""
        if self.intent in SERVICE_ANSWERS:
            self.say(SERVICE_ANSWERS[self.intent], repeatable=True)
            return True
        if self.turn.is_question and self.turn.knowledge:
            self.say_knowledge(self.turn.knowledge.entry)
            return True
        if self.intent == "request_human":
            self.say("utter_handover_in_progress", repeatable=True)
            return True
        if self.intent in CAREER_TOPICS and self.turn.is_question:
            self.say(f"utter_topic_{self.intent}")
            return True
        return False

    def fill_step(self, step: str | None, picked: Picked, answered: bool) -> bool:
        text = self.turn.text.strip()
        if self.turn.is_button and step not in ("channel", "summary", "summary_edit"):
            return False
        if step == "name":
            name = self._name_from(text)
            if name:
                self.set(contact_name=name)
                if name == contact.ANONYMOUS:
                    self.set(contact_channel="chat")
                    self.say("utter_anonymous_chat_only", repeatable=True)
                return True
        elif step == "channel":
            refused = set(self.get("refused_channels") or [])
            channel = contact.clean_channel(re.sub(r"\b(niet|geen|nie)\s+\w+", " ", text))
            if channel and channel not in refused:
                self.set(contact_channel=channel)
                return True
        elif step == "time" and not answered:
            if _NO_PREFERENCE.search(text) or _SKIP_ANSWER.search(text):
                self.set(contact_time="geen voorkeur")
                return True
            moment = contact.clean_free_text(text)
            timely = bool(_TIME_WORDS.search(text)) and not self.turn.is_question
            if moment and (timely or self.intent not in MISS_INTENTS + ("deny", "stop_form")):
                self.set(contact_time=moment)
                return True
        elif step == "region" and not answered:
            region = self.turn.entity("region")
            if region:
                self.set(region=region)
                return True
            if _SKIP_ANSWER.search(text) or _NO_PREFERENCE.search(text):
                self.set(skipped=[*(self.get("skipped") or []), "region"])
                return True
            short = contact.clean_free_text(text, limit=60)
            if short and len(short.split()) <= 4 and not self.turn.is_question:
                self.set(region=short.strip(" .!"))
                return True
        elif step == "summary":
            if self._plain_yes():
                self.set(summary_confirmed=True)
                return True
            if self.intent == "deny" or text.startswith("/deny") or re.match(
                    r"^\W*(aanpassen|wijzigen|veranderen|klopt niet|nee)\b", text, re.I):
                self.set(pending="summary_edit")
                return True
            if len(text.split()) >= 8 and not self.turn.is_question:
                # A correction in the person's own words is the new summary.
                summary = contact.clean_free_text(text, limit=300)
                if summary:
                    self.set(summary_text=summary)
                    return True
        elif step == "summary_edit" and not answered:
            summary = contact.clean_free_text(text, limit=300)
            if summary and len(summary) > 3:
                self.set(summary_text=summary)
                return True
        return False

    def _name_from(self, text: str) -> str | None:
        """The name in an answer to "how may we call you" ("Fatima. ik zeg al",
        "mo zei ik toch", "ik ben fatima"); chat filler ("doe maar", "gwn") is never a name."""
        if self.turn.is_question:
            return None
        cued = pick_name(text) or pick_name(re.sub(r"\bnaam\b\s*", "mijn naam is ", text))
        if cued:
            return cued
        for part in re.split(r"[.,!?;]|\s+-\s+", text):
            whole = contact.clean_name(part.strip())  # also strips "ik ben", "mijn naam is"
            if whole and (whole == contact.ANONYMOUS or (
                    len(whole.split()) <= 2
                    and not any(w.lower() in _FILLER for w in whole.split()))):
                return whole
            words = [w for w in part.split()
                     if w.lower().strip("'") not in _FILLER | {"ben", "heet", "noem", "me"}]
            if 1 <= len(words) <= 2:
                name = contact.clean_name(" ".join(words))
                if name:
                    return name
        return None

    def reask(self, step: str | None) -> None:
        attempts = dict(self.get("attempts") or {})
        count = attempts.get(step or "", 0) + 1
        attempts[step or ""] = count
        self.set(attempts=attempts)
        # An optional question is not worth losing a person over: skip it on the third try.
        if step in ("time", "region") and count >= 2 or step == "name" and count >= 3:
            self.set(skipped=[*(self.get("skipped") or []), step])
            self.ask_step(self.next_step())
            return
        if step == "consent":
            # Not understood: the same in plain words, not the whole text again.
            self.say("utter_consent_simple", repeatable=True)
            self.say("utter_ask_consent_given", repeatable=True)
            self.set(pending="consent")
            return
        hint = {"name": "utter_invalid_name", "phone": "utter_invalid_phone",
                "email": "utter_invalid_email", "time": "utter_invalid_time",
                "channel": "utter_invalid_channel", "consent": "utter_consent_unclear",
                "summary": "utter_summary_unclear"}.get(step or "")
        if hint:
            self.say(hint, repeatable=True)
        self.ask_step(step)

    def ask_email_typo(self, step: str | None) -> None:
        self.say("utter_ask_email_typo", repeatable=True, email=self.get("contact_email"),
                 suggestion=self.get("email_suggestion"))
        self.set(pending="email_typo", resume_pending=step)

    # ----- outside the form ----------------------------------------------------------------

    def free_turn(self, picked: Picked) -> None:
        intent = self.intent
        misses = self._count_miss()
        if picked.anything() and intent in ("inform", "request_human", "nlu_fallback",
                                              "affirm", "out_of_scope") and not \
                self.turn.is_question:
            self.contact_outside_form(picked)
            return
        if self.pending == "offer" and intent in ("affirm", "request_human"):
            self.start_handover(picked)
            return
        if self.pending == "offer" and intent == "deny":
            self.set(offer_declined=True, pending=None)
            self.say("utter_offer_declined")
            return
        if self.pending == "opening" and intent in ("affirm", "deny", "so_so"):
            self.set(pending=None)
            if intent == "so_so":
                self.say("utter_so_so")
                return
            self.topic_turn(["enjoy_work" if intent == "affirm" else "stuck"])
            return
        if intent == "greet":
            self.greet()
        elif intent == "goodbye":
            self.say("utter_goodbye_safety" if self.get("safety_flag") else "utter_goodbye",
                     repeatable=True)
            self.set(pending=None)
        elif intent == "thank":
            self.say("utter_thank", repeatable=True)
            self.set(pending=None)
        elif intent in SERVICE_ANSWERS:
            self.service_answer()
        elif intent == "request_human":
            self.start_handover(picked)
        elif intent == "manage_request":
            self.manage_request(picked)
        elif picked.refused_channels:
            self.apply_picked(picked, announce=False)
            self.say("utter_refusal_noted", repeatable=True,
                     refused=", ".join(self._channel_words(sorted(picked.refused_channels))))
        elif intent == "stop_form":
            self.say("utter_stopped_outside_form", repeatable=True)
            self.set(pending=None)
        elif intent in CAREER_TOPICS:
            self.topic_turn(self._message_topics())
        elif intent in ("inform", "affirm", "deny", "so_so"):
            self.answer_in_context()
        else:
            self.miss(misses)

    def greet(self) -> None:
        if "utter_disclosure" in [s.response for s in self.out.says] or \
                not self.out.slots.get("disclosed"):
            # Already introduced (now or earlier): a short hello is enough.
            self.out.says = [s for s in self.out.says if s.response != "utter_disclosure"]
        if self.out.slots.get("disclosed") and self.get("topics") is None:
            self.say("utter_greet", repeatable=True)
            self.say("utter_ask_enjoy_work", repeatable=True)
            self.set(pending="opening")
            return
        self.say("utter_greet_again", repeatable=True)

    def service_answer(self) -> None:
        knowledge = self.turn.knowledge
        if knowledge and self.turn.is_question and knowledge.entry.topic == self.intent:
            self.say_knowledge(knowledge.entry)
        else:
            self.say(SERVICE_ANSWERS[self.intent], repeatable=True)
        self.resume()

    def resume(self) -> None:
        """After an aside, return to the open question, without repeating a block."""
        if self.pending == "deepen" and self.get("last_topic"):
            return  # the deepening question still stands; asking it again is a repeat
        if self.pending == "offer" and self.may_offer():
            return

    def miss(self, misses: int) -> None:
        knowledge = self.turn.knowledge
        if self.pending == "deepen" and self.intent == "nlu_fallback" and not knowledge \
                and self.get("last_topic"):
            # "uitleg uitkering", the answer to our own question, is an answer.
            self.set(misses=0)
            self.followup(self.get("last_topic"))
            return
        if knowledge and (self.turn.is_question or self.intent == "nlu_fallback"):
            self.say_knowledge(knowledge.entry)
            self.set(misses=0)
            return
        topics = self._message_topics()
        if topics and self.intent == "nlu_fallback":
            self.topic_turn(topics)
            return
        if self.intent == "other_language":
            self.say("utter_english", repeatable=True)
            return
        if self.intent == "bad_input":
            self.say("utter_bad_input", repeatable=True)
            return
        if misses >= 2 and self.may_offer():
            self.say("utter_fallback_offer_human", repeatable=True)
            self.set(pending="offer")
            return
        if self.intent == "out_of_scope":
            self.say("utter_out_of_scope")
            if "utter_out_of_scope" in self.recent:
                self.say("utter_out_of_scope_again", repeatable=True)
            return
        if self.turn.is_question and self.intent == "nlu_fallback":
            self.no_answer()
            return
        self.say("utter_default")
        if "utter_default" in self.recent:
            self.say("utter_default_again", repeatable=True)

    def _message_topics(self) -> list[str]:
        topics = [t for t in self.turn.topics if t in CAREER_TOPICS]
        if self.intent in CAREER_TOPICS and self.intent not in topics:
            topics.insert(0, self.intent)
        denied = self.denied_topics() | set(self.get("denied_topics") or [])
        age = self.get("age")
        young = bool(age and str(age).isdigit() and int(age) < 45)
        if young and not re.search(TOPIC_WORDS["retirement"], self.turn.text.lower()):
            denied.add("retirement")  # a 27-year-old's "6 jaar werkervaring" is no pension
        permanent = "vast" in (self.turn.entity("contract_type"), self.get("contract_type"))
        if permanent and not re.search(TOPIC_WORDS["flex_contract"], self.turn.text.lower()):
            denied.add("flex_contract")  # "vast contract" is no flex work
        return [t for t in topics if t not in denied]

    def topic_turn(self, topics: list[str], from_check: bool = False) -> None:
        if not topics:
            self.answer_in_context()
            return
        main = topics[0]
        known = self.topics()
        knowledge = self.turn.knowledge
        if knowledge and self.turn.is_question:
            self.say_knowledge(knowledge.entry)
            self.note_topic(main, known)
            self.after_answer()
            return
        if main in known:
            given = main in (self.get("selfhelp_given") or [])
            if self.turn.is_question and _ADVICE_QUESTION.search(self.turn.text) and not given:
                self.followup(main)
                return
            if self.turn.is_question:
                self.no_answer()
                return
            self.followup(main)
            return
        self.say(f"utter_topic_{main}")
        for extra in self.topic_extras(main):
            self.say(extra)
        second = next((t for t in topics[1:] if t != main and t not in known), None)
        if second:
            self.say("utter_second_topic", repeatable=True, topic=_label(second))
        self.note_topic(main, known, second)
        self.say(self.deepen_response(main))
        self.set(pending="deepen")

    def deepen_response(self, topic: str) -> str:
        needed, known_version = DEEPEN_WHEN_KNOWN.get(topic, ((), ""))
        if needed and all(self.get(name) for name in needed):
            return known_version
        return f"utter_deepen_{topic}"

    def note_topic(self, main: str, known: list[str], second: str | None = None) -> None:
        topics = known + [t for t in (main, second) if t and t not in known]
        self.set(topics=topics, last_topic=main,
                 primary_topic=self.get("primary_topic") or main)

    def topic_extras(self, topic: str) -> list[str]:
        flemish = self.turn.flemish
        return {
            "workload_health": ["utter_health_referral"],
            "conflict_at_work": ["utter_conflict_referral"],
            "funding": ["utter_topic_funding_flanders" if flemish else "utter_stap_ended"],
        }.get(topic, [])

    def after_answer(self) -> None:
        """After a knowledge answer: an offer where it fits, else an open door."""
        if self.may_offer() and self.get("last_topic") in OFFER_TOPICS and \
                self.pending != "offer":
            self.say("utter_offer_consultant")
            self.set(pending="offer")
        else:
            self.set(pending=None)
            self.say("utter_more_questions", repeatable=True)

    def followup(self, topic: str) -> None:
        given = list(self.get("selfhelp_given") or [])
        skip_flex = topic == "flex_contract" and self.get("contract_type") == "vast"
        if topic not in given and not skip_flex:
            self.say(f"utter_selfhelp_{topic}")
            self.set(selfhelp_given=[*given, topic])
        else:
            self.say("utter_heard")
        if topic in OFFER_TOPICS and self.may_offer():
            self.say("utter_offer_consultant")
            self.set(pending="offer")
        else:
            self.set(pending=None)
            self.say("utter_anything_else", repeatable=True)

    def no_answer(self) -> None:
        """An honest "I don't know", never an answer that only looks like one."""
        self.say("utter_no_answer" if self.may_offer() else "utter_no_answer_declined",
                 repeatable=True)
        if self.may_offer() and self.pending != "offer":
            self.say("utter_offer_consultant")
            self.set(pending="offer")

    def answer_in_context(self) -> None:
        knowledge = self.turn.knowledge
        if knowledge and self.turn.is_question:
            self.say_knowledge(knowledge.entry)
            self.after_answer()
            return
        if self.turn.is_question:
            self.no_answer()
            return
        if self.pending == "deepen" and self.get("last_topic"):
            self.followup(self.get("last_topic"))
            return
        if self.intent == "deny":
            self.set(pending=None)
            self.say("utter_ok_anything_else", repeatable=True)
            return
        if self.topics():
            self.say("utter_anything_else", repeatable=True)
            return
        self.say("utter_tell_more", repeatable=True)

    def contact_outside_form(self, picked: Picked) -> None:
        if self.has_ticket():
            changes = picked.ticket_changes()
            if changes:
                self.set(pending="update_confirm", proposed_changes=changes)
                self.say("utter_ask_update_request", repeatable=True,
                         ticket_reference=self.get("ticket_reference"),
                         changes=self.changes_text(changes))
                return
        if self.pending == "offer" or self.intent == "request_human" or picked.channel:
            self.start_handover(picked)
            return
        self.apply_picked(picked, announce=True)
        if self.may_offer():
            self.say("utter_offer_with_contact", repeatable=True)
            self.set(pending="offer")

    @staticmethod
    def changes_text(changes: dict[str, str]) -> str:
        names = {"phone": "nummer", "email": "e-mailadres", "name": "naam",
                 "preferred_channel": "manier van contact"}
        return ", ".join(f"{names.get(k, k)}: {v}" for k, v in changes.items())

    def manage_request(self, picked: Picked) -> None:
        if not self.has_ticket():
            self.say("utter_no_request_yet", repeatable=True)
            if self.may_offer():
                self.set(pending="offer")
            return
        if _WITHDRAW.search(self.turn.text) and not picked.anything() and \
                not self.turn.is_question:
            self.say("utter_ask_withdraw_confirm", repeatable=True,
                     ticket_reference=self.get("ticket_reference"))
            self.set(pending="withdraw_confirm")
            return
        changes = picked.ticket_changes()
        if changes:
            self.out.effect = "update_request"
            self.out.effect_values = changes
            return
        self.out.effect = "show_request"


def decide(slots: dict[str, Any], turn: Turn) -> Outcome:
    return Conversation(slots, turn).decide()
