"""The handover form: consent, then only what is still missing, from free text,
with questions answered in between; it stops only on a confirmed stop.
"""

from __future__ import annotations

import re

from bot.dialogue.corrections import (
    AT_WORK,
    Correction,
    read_correction,
    says_out_of_work,
    topic_named,
)
from bot.dialogue.languages import best_language, language_note
from bot.dialogue.patterns import (
    ADD_TO_REQUEST,
    CONFIRMATION_MAIL,
    CONTRACT_CHANGE_PAPER,
    CONTRACT_WISHED,
    DAY_WORDS,
    DEBTS,
    EMPLOYER_SECRET,
    FIELD_VALUE,
    FILLER,
    FORM_STEPS,
    GOODBYE_END,
    GOODBYE_WORDS,
    HEALTH_OUT,
    HEALTH_WORDS,
    KEEP_OUT,
    LITTLE_DUTCH,
    META_WORDS,
    MISS_INTENTS,
    NO_CONSULTANT,
    NO_HURRY,
    NO_PREFERENCE,
    NO_START,
    NOT_SHARING_YET,
    NOT_STOPPING,
    OFFER_NO,
    OTHERS_OPINION,
    OTHERS_SAY_NO,
    OVERWHELMED,
    PHONE_PART,
    PREGNANT,
    REGION_OUT,
    REMOVE_AT_SUMMARY,
    REQUEST_STATUS,
    SAID_YES,
    SEND_WORDS,
    SERVICE_ANSWERS,
    SKIP_ANSWER,
    STEP_QUESTIONS,
    STOP_FORM_WORDS,
    TIME_WORDS,
    TOPIC_WORDS,
    TRAINING_MONEY,
    URGENT,
    WHAT_IF,
    WHEN_CONTACT,
    WORKLOAD_WORDS,
    YES,
    YES_THEN_MORE,
    changed_choices,
    read_choices,
)
from bot.dialogue.pickup import (
    Picked,
    name_beside_number,
    name_first,
    pick_name,
    pick_phone,
)
from bot.dialogue.state import ConversationState
from bot.dialogue.turn import sentence_span
from bot.handover import contact
from bot.handover.topics import CAREER_TOPICS, CONTRACT_LABELS, HEALTH_TOPICS, LABELS
from bot.handover.working_time import default_service_levels
from bot.tickets.routing import default_routing

# "zet maar niet in dat ik zwanger ben", "dat hoeft er niet in", "niet vermelden dat ...".
LEAVE_OUT = re.compile(
    r"\b(zet|schrijf)\s+(\w+\s+){0,2}(niet|nie|ni)\s+(\w+\s+)?(in|bij|erin|erbij|op)\b(\s+dat)?|"
    r"\b(niet|nie)\s+(vermelden|noemen|opschrijven|erin\s+zetten|erbij\s+zetten)\b(\s+dat)?|"
    r"\bhoeft\s+(er\s+)?(liever\s+|echt\s+|ook\s+)?(niet|nie)\s+(in|bij)\b|\bwil\s+(ik\s+)?(niet|nie)\s+dat\s+(je|jullie|u)\s+"
    r"(\w+\s+){0,2}(opschrijft|vermeldt|doorgeeft)\b(\s+dat)?|"
    # "haal dat kut er wel even uit", "dat woord kut moet eruit" (round 20, p84's card kept it)
    r"\bhaal\s+(dat|het|die|de)\s+(woord\s+)?(?P<what>[\w'-]+)\s+(er\s+)?(\w+\s+){0,2}"
    r"(eruit|uit|weg)\b|\b(dat|het|die|de)\s+(woord\s+)?(?P<named>[\w'-]+)\s+moet\s+(er\s+)?"
    r"(uit|eruit)\b", re.I)
LEAVE_OUT_FILLER = frozenset({"maar", "even", "graag", "alsjeblieft", "aub", "ook", "niet",
                             "want", "omdat", "echt", "wel", "hoor", "over"})

# "Dank u wel" at the card or after the request: thanks, nothing to change (round 10, p40).
_THANKS = re.compile(r"\b(dank\w*|bedankt|merci|thanks?|thx|gracias|danke|dziękuję)\b", re.I)
_TIME_FIX = re.compile(r"\b(alleen|enkel|niet|nie|ni|kan\s+niet|moment|tijd|liever)\b.{0,40}"
                       r"\b(ochtend\w*|middag\w*|avond\w*|voormiddag|namiddag|\d{1,2}\s*uur)\b|"
                       r"\b(ochtend\w*|middag\w*|avond\w*|voormiddag|namiddag)\b.{0,40}"
                       r"\b(alleen|enkel|niet|nie|ni|kan\s+niet)\b", re.IGNORECASE)
_THANKS_CLAUSE = re.compile(r"[,.!]?\s*\b(heel\s+|erg\s+|hartelijk\s+)*"
                            r"(dank\s*(je|u|jullie)?(\s+wel)?|dankjewel|dankuwel|bedankt|merci|"
                            r"thanks?|thx)\b\W*", re.I)
_THANKS_ONLY = re.compile(r"^\W*(ok\w*\W+|oh\W+|ah\W+)?(heel\s+|erg\s+|hartelijk\s+)*"
                          r"(dank\s*(je|u|jullie)?(\s+wel)?|dankjewel|dankuwel|bedankt|merci|"
                          r"thanks?|thx)(\s+\w+){0,3}\W*$", re.I)
# "Merci, salu", "Ik wacht wel op dat telefoontje. Goedemiddag." (round 10, p39, p42).
_LEAVING = re.compile(r"\b(salu\w*|doei|dag|daag|tot\s+(ziens|later|dan|de\s+volgende)|bye|ciao|"
                      r"houdoe|groet\w*|goede(middag|morgen|navond|ndag)|goeiedag|fijne\s+\w+|"
                      r"prettige\s+\w+|"
                      r"welterusten)\b", re.I)
# "dan wacht ik de e-mail rustig af" (round 20, p87 was asked to confirm a change to e-mail).
_WAITING = re.compile(r"\b(ik\s+)?wacht\w*\s+(\S+\s+){0,4}?(op|af)\b|"
                      r"\bda\s+vraag\s+ik\s+wel\b|\bdat\s+vraag\s+ik\s+wel\b|"
                      r"\bvraag\s+ik\s+(dan\s+)?wel\s+aan\b", re.I)
_NOT_A_CLOSING = re.compile(r"\b(intrek\w*|annuleer\w*|annuleren|verwijder\w*|wis\w*|"
                            r"verander\w*|wijzig\w*|aanpass\w*|liever|toch\s+(via|per|met)|"
                            r"nieuw\w*\s+(nummer|adres|mail))\b", re.I)
# A short language note for the consultant, never more (round 10, p44, p40).
_ENGLISH_WORDS = frozenset({
    "the", "my", "you", "your", "i", "and", "not", "what", "please", "english", "do", "does",
    "speak", "they", "dont", "don't", "can", "will", "with", "this", "that", "have", "agency",
    "is", "are", "ends", "now", "how", "when", "why", "thanks", "thank", "job", "work", "says",
    "nothing", "months", "after", "before", "if", "should", "would",
})
_DUTCH_WORDS = frozenset({
    "ik", "je", "de", "het", "een", "en", "niet", "wat", "mijn", "is", "dat", "met", "van",
    "op", "voor", "maar", "ook", "als", "bij", "heb", "ben", "kan", "wil", "mag", "nog",
})
# Words that are never a name in an answer to "hoe mag de consulent je noemen?".
_NOT_A_NAME = frozenset({"ben", "heet", "noem", "me", "gracias", "danke", "thx", "thank",
                         "you", "please", "sorry", "yes", "no", "hi", "hello"})


def writes_english(text: str) -> bool:
    """Mostly English words ("my contract ends next month and the agency says nothing")."""
    words = re.findall(r"[a-z']+", text.lower())
    english = sum(w in _ENGLISH_WORDS and w not in _DUTCH_WORDS for w in words)
    dutch = sum(w in _DUTCH_WORDS for w in words)
    return english >= 3 and english > dutch



# "Nee, zet er maar gewoon: mijn team wordt opgeheven ..." dictates the card's text (round 23,
# p112 heard "Goed, dat zet ik er niet in"); "pls" and emoji are chat, and "anders snapt niemand
# wat ..." speaks to us, not to the consultant (round 23, p108, p109).
_DICTATED = re.compile(r"^\W*(?:nee\W+)?(?:zet|schrijf|maak)\s+(?:er|het)"
                       r"(?:[\s,]+(?:maar|dan|gewoon|liever|wel|in|neer|op|van))*\s*[:,]\s*", re.I)
_CHAT_POLITE = re.compile(r"[,\s]*\b(pls|plz|please|aub|a\.u\.b|alsjeblieft|alstublieft|svp)\b\.?",
                          re.I)
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_TO_US = re.compile(r"^(?:want\s+)?anders\s+(?:snapt|begrijpt|weet|snap)\s+"
                    r"(?:niemand|de\s+consulent|hij|zij|die)\b", re.I)
_PREGNANT_CLAUSE = re.compile(r"\b(?:dat\s+)?ik\s+(?:\w+\s+){0,2}zwanger\s+(?:ben|was)\b[,.]?",
                              re.I)
# "daar gaat het eigenlijk om", "dat is juist het hele punt": said to us, nothing for the card
_ABOUT_IT = re.compile(r"[,\s]*\b(?:en\s+)?(?:daar\s+(?:gaat|draait)\s+het\s+(?:\w+\s+){0,2}om|"
                       r"dat\s+is\s+(?:\w+\s+){0,2}het\s+(?:hele\s+)?punt)\b[.!]*", re.I)


# At the card: "ik heb geen geldzorgen", "geldzorgen klopt niet"; "moment klopt niet".
_NO_MONEY_WORRIES = re.compile(
    r"\b(geen|niet)\s+(\w+\s+)?(geldzorgen|geldproblemen|schulden)\b|\b(geldzorgen|schulden)\b"
    r"[^.?!]{0,20}\b(klopt|kloppen|heb\s+ik)\s+(niet|nie|ni)\b", re.I)
_TIME_WRONG = re.compile(r"\b(moment|tijd|tijdstip)\s+(klopt|is|kloppen)\s+(niet|nie|ni|fout)\b",
                         re.I)


def own_words_for_card(text: str, pregnant: bool = False) -> tuple[str, bool]:
    """The person's words as they can stand on the card, and whether they dictated them."""
    dictated = _DICTATED.match(text)
    if dictated:
        text = text[dictated.end():]
    text = _EMOJI.sub("", _CHAT_POLITE.sub("", text))
    text = re.sub(r"\s+([.,!?])", r"\1", _ABOUT_IT.sub(" ", text))
    if pregnant and len(re.findall(r"\w+", _PREGNANT_CLAUSE.sub(" ", text))) < 3:
        text = ""  # "dat ik zwanger ben": the card has its own line for it
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s and not _TO_US.match(s)]
    words = " ".join(sentences).strip(" ,")
    return words[:1].upper() + words[1:], bool(dictated)

class HandoverForm(ConversationState):
    """The handover form, one step per turn."""

    # This turn's message was a side question, answered: the card after it may be short.
    side_answered = False
    # This turn's message said the moment on the card is wrong: it is asked again.
    time_cleared = False

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
        if not (crisis or self.topics() or self.get("summary_text") or "about" in skipped):
            return "about"  # "ik wil iemand spreken": the consultant should know about what
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
        if not crisis and self.get("share_history") is None and self.get("follow_up") is None \
                and "choices" not in skipped:
            return "choices"  # optional; not asked after a crisis statement
        if self.get("summary_confirmed") is not True:
            return "summary_edit" if self.pending == "summary_edit" else "summary"
        return None

    def ask_step(self, step: str | None) -> None:
        if step is None:
            # What is sent is what the summary says now (a topic taken out at the last
            # step is out of the ticket too).
            self.summary_text()
            self.set(pending=None, handover=False)
            self.out.effect = "create_ticket"
            return
        consent_again = step == "consent" and self.pending == "consent" and \
            self.said_recently("utter_explain_consent")
        self.set(pending=step)
        if consent_again:
            # Her e-mail typed at the consent question: noted, and the question again, not
            # the whole text she read a moment ago (round 18c, p81).
            self.say("utter_ask_consent_given", repeatable=True)
            self.set(consent_reasked=True)
        elif step == "consent":
            self.set(consent_reasked=None)  # the whole text now: one short re-ask later
            self.say("utter_explain_consent", repeatable=True)
            if any(t == "workload_health" for t in self.topics()):
                self.say("utter_health_note_consent", repeatable=True)
            if self.get("pregnant"):
                self.say("utter_pregnancy_note_consent", repeatable=True)
            self.say("utter_ask_consent_given", repeatable=True)
        elif step == "summary":
            summary = self.summary_text()
            if self.side_answered and summary == self.get("summary_shown") and (
                    self.said_recently("utter_ask_summary_confirmed")
                    or self.said_recently("utter_ask_summary_short")):
                # The same card, shown last turn, after a side question: not all seven lines
                # again (round 18, p80 read it four times).
                self.say("utter_ask_summary_short", repeatable=True)
            else:
                self.say("utter_ask_summary_confirmed", repeatable=True, summary=summary)
                self.set(summary_shown=summary)
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

        topic_part = build_summary(
            self.topics(), sector=self.get("sector"), contract_type=self.get("contract_type"),
            deadline_text=self.get("deadline"), deadline_about=self.get("deadline_about"),
            own_words=self.get("summary_text"),
            out_of_work=bool(self.get("out_of_work")),
            returner="herintreden_na_jaren_thuis" in (self.get("knowledge_given") or []),
            money_worries=bool(self.get("money_worries")),
            pregnant=bool(self.get("pregnant")),
            employer_secret=bool(self.get("employer_secret")),
            workload_said=bool(self.get("workload_named")),
            questions=list(self.get("questions_asked") or []),
            wanted_job=self.get("wanted_job"),
            note=language_note(self.get("language_note")))
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
        if self.get("safety_flag"):
            # The ticket is marked urgent after a crisis statement; the person sees that it
            # is, and that their words are not passed on (round 6, p33: it was hidden).
            lines.append("Voorrang: ja, het is dringend (wat je eerder schreef, geef ik niet door)")
        # No answer is no (issues 12 and 15): only an explicit yes is a yes.
        lines.append("Eerdere chat delen: " + ("ja" if self.get("share_history") is True
                                               else "nee"))
        lines.append("Later vragen hoe het ging: " + ("ja" if self.get("follow_up") is True
                                                     else "nee"))
        return "\n".join(lines)

    def apply_picked(self, picked: Picked, announce: bool = True) -> list[str]:
        """Store what the message told; returns the names of what changed."""
        changed = []
        if picked.refused_channels and self.refuses_the_helpline():
            picked.refused_channels = set()
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
        if picked.time and picked.time != self.get("contact_time") and \
                self.get("contact_channel") in (None, "phone", "whatsapp"):
            # "Bellen graag, bel maar in de middag": the moment too, never asked again
            # (round 10, p37, p42).
            self.set(contact_time=picked.time)
            changed.append("time")
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
        if "time" in changed and self.get("contact_time"):
            parts.append(self.get("contact_time") if "channel" in changed
                         else f"moment {self.get('contact_time')}")
        return ", ".join(parts) or "dat heb ik aangepast"

    def form_turn(self, picked: Picked) -> None:
        step = self.pending if self.pending in FORM_STEPS else self.next_step()
        intent = self.intent
        if picked.phone and not picked.name and not self.get("contact_name") and \
                step in ("consent", "name", "channel", "phone", "summary", "summary_edit"):
            # "mirjam. 06-12345954" at the number: the name too (round 13, p54 was
            # "Naam: anoniem"; after a crisis statement the name is not asked).
            picked.name = name_beside_number(self.turn.text)
        if step == "name" and not picked.name and not self.get("contact_name") and \
                (picked.phone or picked.email or picked.channel or picked.time):
            picked.name = name_first(self.turn.text)
        said_bye = GOODBYE_WORDS.match(self.turn.text) or GOODBYE_END.search(self.turn.text)
        if intent == "goodbye" and said_bye and step != "consent":
            # Leaving halfway loses nothing: the request waits, unsent, for their return.
            self.say("utter_form_paused", repeatable=True)
            return
        if intent == "greet" and not self.turn.is_question:
            self.say("utter_welcome_back", repeatable=True)
            self.ask_step(step)
            return
        # "laat maar... verstuur maar zo" and "nee niet stoppen" are no stop (round 6).
        explicit_stop = intent == "stop_form" and (
            self.turn.is_button or STOP_FORM_WORDS.search(self.turn.text)) and not (
            NOT_STOPPING.search(self.turn.text) or SEND_WORDS.search(self.turn.text))
        if explicit_stop and step != "consent":
            self.say("utter_ask_stop_confirm", repeatable=True)
            self.set(pending="stop_confirm", resume_pending=step)
            return
        if step == "consent":
            if self._consent_yes():
                if self._health_out_asked():
                    # "Dat is goed. Maar dat van mijn rug hoeft er liever niet bij": a yes with
                    # a condition, and the condition kept (round 17, p74's card still said
                    # "Gezondheid speelt mee" after two corrections).
                    self.leave_out_health()
                self.give_consent(picked)
                return
            plain_no = OFFER_NO.match(self.turn.text) or NO_CONSULTANT.search(self.turn.text)
            if (intent in ("deny", "goodbye", "stop_form") or plain_no) and \
                    not self.turn.is_question:
                # "Nee, geen consulent. Ik wil alleen wat ideeën, geen traject." is a no,
                # however the classifier reads the rest (round 14, p58 got the consent
                # explained and asked again).
                self.decline_consent()
                return
            if plain_no and self.turn.is_question and NOT_SHARING_YET.search(self.turn.text):
                # "Nee, nu nog even niet delen. … Moet dat verzoek echt op papier?": the no is
                # taken, and the question answered; not "Mag ik dit delen?" again (round 26b,
                # p134 said no twice).
                self.answer_side_question()
                self.decline_consent()
                return
            if (OTHERS_SAY_NO.search(self.turn.text) or WHAT_IF.search(self.turn.text)) and \
                    not self.turn.knowledge and self.intent not in SERVICE_ANSWERS:
                # "als mijn baas nee zegt tegen vaste uren wat dan": a question about their
                # case, not about consent (round 13, p49 got "Toestemming betekent ...").
                self.say("utter_question_for_consultant", repeatable=True)
                if not self.get("consent_reasked"):
                    self.say("utter_ask_consent_given", repeatable=True)
                    self.set(consent_reasked=True)
                self.set(pending="consent")
                return
        if step in ("summary", "summary_edit") and HEALTH_OUT.search(self.turn.text):
            self.leave_out_health()
            self.ask_step("summary")
            return
        if step in ("about", "summary", "summary_edit") and LEAVE_OUT.search(self.turn.text):
            # "zet maar niet in dat ik zwanger ben": left out, never pasted in (round 11,
            # p45 found those very words on the card). A mark asked for beside it ("en zet
            # erbij dat het spoed is") is set too (round 20, p84).
            self._card_flags(self.turn.text)
            self.keep_out(self.turn.text)
            self.ask_step("summary" if step != "about" else step)
            return
        if step in ("summary", "summary_edit"):
            # The card comes last: no answer offered unasked after it (round 10, p37).
            self.turn.mentioned = None
            if self.summary_turn(step, picked):
                return
        if OVERWHELMED.search(self.turn.text) and not self.turn.is_question:
            self.say("utter_take_time", repeatable=True)
            self.ask_step(step)
            return
        if step == "phone" and self.joined_phone(picked):
            return
        answered = self.side_answered = self.answer_side_question()
        changed = self.apply_picked(picked, announce=False)
        if self.get("email_suggestion") and "email" in changed:
            self.ask_email_typo(step)
            return
        filled = bool(changed) or self.fill_step(step, picked, answered)
        if picked.phone_invalid and "phone" not in changed and step in ("phone", "channel"):
            # "+34 612 345 944": said honestly, with the ways that do work (round 10, p44).
            self.say("utter_foreign_phone" if contact.foreign_phone(picked.phone_invalid)
                     else "utter_invalid_phone", repeatable=True)
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
            self.reask(step, picked)
            return
        nxt = self.next_step()
        if step == "consent" and nxt == "consent" and answered and (
                YES_THEN_MORE.match(self.turn.text) or SAID_YES.search(self.turn.text)):
            # "Ja, dat mag. Moet ik daar trouwens lid voor zijn?", "Ik zei net al ja. En wat
            # kost lid worden?": the question answered and the yes taken (round 23b, p114 was
            # asked for his consent three times).
            self.give_consent(picked)
            return
        if step == "consent" and nxt == "consent" and answered:
            # A question at the consent step is answered; the whole consent text after
            # each one is pushing (round 12, p48 got it five times). Asked once more,
            # briefly; after that the yes waits for them.
            if not self.get("consent_reasked"):
                self.say("utter_ask_consent_given", repeatable=True)
                self.set(consent_reasked=True)
            self.set(pending="consent")
            return
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
                 summary_confirmed=None, summary_shown=None, skipped=None, attempts=None,
                 share_history=None, follow_up=None, consent_reasked=None)

    def stop_form(self) -> None:
        self.say("utter_form_stopped", repeatable=True)
        self.clear_form()
        self.set(offer_declined=True)

    def answer_side_question(self) -> bool:
        """A question in the middle of the form gets its answer; True when answered."""
        if KEEP_OUT.search(self.turn.text):
            # "dat andere van net komt er niet in he": an honest answer about what is shared.
            self.say("utter_kept_out_of_request", repeatable=True)
            return True
        if REQUEST_STATUS.search(self.turn.text):
            self.say("utter_request_not_sent_yet", repeatable=True)  # round 5, p16
            return True
        if WHEN_CONTACT.search(self.turn.text):
            self.say("utter_when_contact_before", repeatable=True,
                     workdays=default_service_levels().targets["normal"])
            return True
        if CONFIRMATION_MAIL.search(self.turn.text) and self.turn.is_question:
            self.say("utter_no_confirmation_mail_yet", repeatable=True)
            return True
        if self.pending == "choices" and HEALTH_WORDS.search(self.turn.text) and (
                self.turn.is_question or self._health_out_asked()):
            # "Wat ik over mijn rug schreef, komt dat er dan ook bij?" asks what the choice
            # shares: answered, not passed to the consultant (round 17b, p74).
            if self._health_out_asked():
                self.leave_out_health()
            noted = any(t in HEALTH_TOPICS for t in self.get("topics") or [])
            self.say("utter_choices_health_note" if noted else "utter_choices_health",
                     repeatable=True)
            return True
        knowledge = self.turn.knowledge
        if self.intent in SERVICE_ANSWERS and not (
                knowledge and self.turn.is_question and knowledge.entry.topic == self.intent):
            # (An answer of its own for this service question goes first, as outside the form:
            # "wat kost lid worden?" is the membership fee, not this chat's; round 23b, p114.)
            self.say(SERVICE_ANSWERS[self.intent], repeatable=True)
            return True
        if self.turn.is_question and self.turn.knowledge:
            self.say_knowledge(self.turn.knowledge.entry)
            return True
        if self.intent == "request_human" and not (
                self.pending == "choices" and read_choices(self.turn.text) is not None):
            # "Dan liever niet dat de consulent de chat leest. Later vragen mag wel." answers
            # our two choices (round 17b, p74 was asked them three times).
            self.say("utter_handover_in_progress", repeatable=True)
            return True
        if self.intent in CAREER_TOPICS and self.turn.is_question and \
                self.intent not in self.denied_topics() and \
                self.pending not in ("summary", "summary_edit") and \
                not ADD_TO_REQUEST.search(self.turn.text) and \
                not (self.pending == "choices" and read_choices(self.turn.text) is not None):
            # "de chat mag hij lezen ja, later vragen hoeft ni" answers our two choices, whatever
            # topic the classifier hears in it (round 16b, p72 got a job-interview tip).
            self.say(f"utter_topic_{self.intent}")
            return True
        return False

    def fill_step(self, step: str | None, picked: Picked, answered: bool) -> bool:
        text = self.turn.text.strip()
        if self.turn.is_button and step not in ("channel", "choices", "summary", "summary_edit"):
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
            moment = contact.clean_time(text)
            if moment and (len(text.split()) > 4 or re.search(r"[.,;!?]\s*\S", text)):
                # A short value, not the sentence: "Zoals ik al zei, in de middag, maar niet
                # op woensdag, dan ben ik bij mijn moeder" is "'s middags, niet op woensdag"
                # (round 10, p37); "'s Ochtends. Maakt niet uit welke dag." is no "geen
                # voorkeur" (p42). Short answers stay as typed ("vandaag ochtend").
                self.set(contact_time=moment)
                return True
            if (NO_PREFERENCE.search(text) or SKIP_ANSWER.search(text) or (
                    self.intent == "affirm" and not TIME_WORDS.search(text))) and \
                    not DAY_WORDS.search(text):
                # "ja is goed" names no moment: any moment is fine, not "ja is goed" on the
                # card (round 16d, p69).
                self.set(contact_time="geen voorkeur")
                return True
            moment = contact.clean_free_text(text)
            timely = bool(TIME_WORDS.search(text)) and not self.turn.is_question
            if moment and (timely or self.intent not in MISS_INTENTS + ("deny", "stop_form")):
                self.set(contact_time=moment)
                return True
        elif step in ("phone", "email") and picked.channel and \
                picked.channel == self.get("contact_channel"):
            # "Nee, niet bellen. WhatsApp alstublieft." at the number: heard, then the number.
            self.say("utter_noted", repeatable=True, noted=self.noted_text(["channel"]))
            return True
        elif step == "region" and not answered:
            region = self.turn.entity("region")
            if region:
                self.set(region=region)
                return True
            if SKIP_ANSWER.search(text) or NO_PREFERENCE.search(text):
                self.set(skipped=[*(self.get("skipped") or []), "region"])
                return True
            short = contact.clean_free_text(text, limit=60)
            if short and len(short.split()) <= 4 and not self.turn.is_question:
                place = short.strip(" .!")
                # "rdam", "adam", "dh": the city the team routes on (round 20b, p86's ticket
                # said "rdam"); the short forms live in bot/tickets/routing.yml.
                self.set(region=default_routing().full_name(place))
                return True
        elif step == "choices" and (not answered or "?" in text):
            # "moet mijn rugpijn daar dan ook bij? ja mag allebei": the question answered, and
            # the choice after it taken (round 18, p68 was asked the same again).
            choices = read_choices(text.rsplit("?", 1)[1] if answered else text)
            if choices is None and self.said_recently("utter_choices_yes_which") and \
                    self._plain_yes():
                choices = (True, True)  # "ja" to "Ja voor allebei?"
            if choices is not None:
                self.set(share_history=choices[0], follow_up=choices[1])
                return True
        elif step == "about" and not answered:
            if SKIP_ANSWER.search(text) or NO_PREFERENCE.search(text):
                self.set(skipped=[*(self.get("skipped") or []), "about"])
                return True
            return self.take_own_words(text, min_words=1)
        elif step == "summary":
            if SEND_WORDS.search(text) and not self.turn.is_question and not NO_START.match(text):
                # "Dat doorgroeien slaat nergens op, maar verstuur het maar": denials are
                # applied (decide), and this is the send button.
                self.set(summary_confirmed=True)
                return True
            if self._plain_yes():
                rest = [w for w in re.findall(r"[\w'-]+", YES.sub(" ", text, count=1))
                        if w.lower() not in FILLER]
                if len(rest) >= 3 and not META_WORDS.search(text):
                    # "ja goed. ook vraag over geld en WW": the addition first, then confirm.
                    return self.take_own_words(" ".join(rest), min_words=3)
                self.set(summary_confirmed=True)
                return True
            if any(s.response == "utter_sorry_topic" for s in self.out.says):
                return True  # "doorgroeien klopt niet": taken out; show the summary again
            choices = changed_choices(text)
            if choices:
                # "aanpassen. chat NIET delen": that choice, not the person's own words.
                self.set(**choices)
                return True
            if re.fullmatch(r"\W*(nee\W+)?(dat|het|dit)?\s*(klopt|is)\s+(echt\s+)?(niet|nie|ni)"
                            r"(\s+\w+)?\W*", text, re.I) or (
                    REMOVE_AT_SUMMARY.search(text) and len(text.split()) <= 6):
                self.set(pending="summary_edit")  # "Nee dat klopt niet": what should change?
                return True
            field = FIELD_VALUE.search(text)
            if field and not REGION_OUT.search(text):
                # "moment = vandaag": the field, not the person's own words (round 7, p32).
                name = {"moment": "contact_time", "tijdstip": "contact_time",
                        "tijd": "contact_time", "plaats": "region", "woonplaats": "region",
                        "naam": "contact_name"}[field[1].lower()]
                value = contact.clean_free_text(field[2].strip(), limit=60)
                if value:
                    self.set(**{name: value})
                    return True
            correction = re.match(r"^\W*(aanpassen|wijzigen|veranderen|klopt niet|nee)\b\W*(.*)$",
                                  text, re.I | re.S)
            if correction and len(correction[2].split()) >= 3 and not self.turn.is_question:
                # "nee, het gaat ook over mijn pensioen": the correction is already here.
                return self.take_own_words(correction[2], min_words=3)
            if self.intent == "deny" or text.startswith("/deny") or correction:
                self.set(pending="summary_edit")
                return True
            if ADD_TO_REQUEST.search(text):
                # "Kunt u erbij zetten dat het om zij-instroom gaat?": an addition.
                return self.take_own_words(ADD_TO_REQUEST.sub(" ", text), min_words=2)
            if len(text.split()) >= 8 and not self.turn.is_question:
                return self.take_own_words(text, min_words=8)
        elif step == "summary_edit" and not answered:
            choices = changed_choices(text)
            if choices:
                self.set(**choices)
                return True
            return self.take_own_words(text, min_words=1, allow_meta=True)
        return False

    def joined_phone(self, picked: Picked) -> bool:
        """A number typed in two messages ("06 1234", "5678") is one number. Returns
        True when this message was only the first part and has been kept."""
        text = self.turn.text.strip()
        part = self.get("phone_part")
        # The rest may come with words after it: "5112. Sorry, te snel op enter gedrukt."
        # (round 23, p112 heard "Dat nummer klopt nog niet").
        rest = re.match(r"^\+?\d[\d\s\-/().]*?(?=[\s.,!]*(?:[^\W\d_]|$))", text) if part else None
        if not PHONE_PART.match(text) and rest is None:
            self.set(phone_part=None)
            return False
        if part:
            self.set(phone_part=None)
            if picked.phone:
                return False  # the whole number again ("06 1234", then "06-12345678")
            text = rest.group(0) if rest else text
            number, _ = pick_phone(f"{part} {text}", self.turn.flemish)
            if number:
                picked.phone, picked.phone_invalid = number, None
            return False
        if picked.phone or picked.phone_invalid or len(re.sub(r"\D", "", text)) >= 8:
            return False
        self.set(phone_part=text)
        self.say("utter_phone_rest", repeatable=True, part=text)
        return True

    def _health_out_asked(self) -> bool:
        """ "gezondheid hoeft er niet in", "dat van mijn rug hoeft er liever niet bij"."""
        text = self.turn.text
        return bool(HEALTH_OUT.search(text) or (LEAVE_OUT.search(text)
                                                and HEALTH_WORDS.search(text)))

    def leave_out_health(self) -> None:
        """Health is special-category data: on request it leaves the request entirely, also
        a diagnosis of someone else, in a quoted question or in their own words."""
        kept = [t for t in self.topics() if t != "workload_health"]
        self.set(topics=kept, primary_topic=kept[0] if kept else None, health_left_out=True,
                 pregnant=None)
        asked = [q for q in self.get("questions_asked") or [] if not HEALTH_WORDS.search(q)]
        own = [part for part in re.split(r"(?<=[.!?])\s+", self.get("summary_text") or "")
               if part and not HEALTH_WORDS.search(part)]
        self.set(questions_asked=asked or None, summary_text=" ".join(own) or None)
        self.say("utter_health_removed", repeatable=True)

    def keep_out(self, text: str) -> None:
        """What the person wants left out goes out of their own words, and is said so."""
        match = LEAVE_OUT.search(text)
        named = match and (match.group("what") or match.group("named"))
        if named and named.lower() not in LEAVE_OUT_FILLER | {
                "dat", "het", "die", "dit", "mijn", "m'n", "mn", "je", "jouw", "alles"}:
            # One word named to go ("haal dat kut eruit"): that word goes, the rest stays.
            word = re.compile(rf"\b{re.escape(named)}\b[.,!]*\s*", re.IGNORECASE)
            asked = [" ".join(word.sub(" ", q).split()) for q in self.get("questions_asked") or []]
            own = self.get("summary_text")
            self.set(questions_asked=[q for q in asked if len(q.split()) >= 3] or None,
                     summary_text=" ".join(word.sub(" ", own).split()) or None if own else None)
            self.say("utter_kept_out", repeatable=True)
            return
        rest = text[match.end():] if match else text
        words = {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ-]{4,}", rest)} - LEAVE_OUT_FILLER
        if match and not words:
            # "dat ik niks meer ben hoeft er niet in": what goes is named before the words
            # (round 16c, p69's card stayed the same three times).
            words = {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ-]{4,}", text[:match.start()])}
            words -= LEAVE_OUT_FILLER | {"dat", "die", "deze", "mijn", "zijn"}
        if HEALTH_WORDS.search(text) and "workload_health" in self.topics():
            # "dat van mijn rug hoeft er niet bij": the health marker goes too (round 17, p74).
            kept = [t for t in self.topics() if t != "workload_health"]
            self.set(topics=kept, primary_topic=kept[0] if kept else None, health_left_out=True)
        if re.search(r"zwanger", text, re.I):
            self.set(pregnant=None)  # "dat ik zwanger ben hoeft er niet in"
        own = self.get("summary_text") or ""
        if own and words:
            kept = [part for part in re.split(r"(?<=[.!?])\s+", own)
                    if not any(w in part.lower() for w in words)]
            self.set(summary_text=" ".join(kept) or None)
        asked = list(self.get("questions_asked") or [])
        if asked and words:
            # The quoted questions too: they are the person's words on the card.
            self.set(questions_asked=[q for q in asked
                                      if not any(w in q.lower() for w in words)] or None)
        self.say("utter_kept_out", repeatable=True)
        if self.get("share_history"):
            # The earlier chat still says it: offer not to share it (round 12, p45 asked
            # "als ze de chat lezen zien ze het toch alsnog?").
            self.say("utter_kept_out_chat_shared", repeatable=True)

    def take_own_words(self, text: str, min_words: int, allow_meta: bool = False) -> bool:
        """What the request is about, in the person's words: the topics it names join the
        request, and a longer text goes to the consultant as they wrote it. A text dictated
        for the card ("zet er maar gewoon: ...") replaces what was there."""
        new = [t for t in self._message_topics() if t not in self.topics()]
        lowered = text.lower()
        named = [t for t in new if re.search(rf"\b({TOPIC_WORDS.get(t, '$^')})\b", lowered)]
        if named:
            # "REORGANISATIE zei ik al. nachtdienst weg": the topic they name, not the
            # classifier's guess beside it (round 26, p124's ticket said "workload_health" and
            # "Gezondheid speelt mee", which his card never showed).
            new = named
        if new:
            self.set(topics=[*self.topics(), *new],
                     primary_topic=self.get("primary_topic") or new[0])
        pregnancy_said = bool(self.get("pregnant") and PREGNANT.search(text))
        text, dictated = own_words_for_card(text, pregnant=bool(self.get("pregnant")))
        words = contact.clean_free_text(text, limit=300)
        if words and len(words.split()) >= max(min_words, 1) \
                and (allow_meta or dictated or not META_WORDS.search(words)) \
                and (not new or len(words.split()) >= 8):
            # Added to what they wrote before, never replacing it (round 4, p19).
            before = self.get("summary_text")
            if before and words not in before and not dictated:
                words = contact.clean_free_text(f"{before} {words}", limit=300) or words
            self.set(summary_text=words)
            return True
        # "zet er wel bij dat ik zwanger ben": the card says "Je bent zwanger." already.
        return bool(new) or pregnancy_said

    def _name_from(self, text: str) -> str | None:
        """The name in an answer to "how may we call you" ("Fatima. ik zeg al",
        "mo zei ik toch", "ik ben fatima"); chat filler ("doe maar", "gwn") is never a name."""
        if self.turn.is_question:
            return None
        cued = pick_name(text)  # "naam kim" too; never the word after "naam" in a story
        if cued:
            return cued
        for part in re.split(r"[.,!?;]|\s+-\s+", text):
            whole = contact.clean_name(part.strip())  # also strips "ik ben", "mijn naam is"
            if whole and (whole == contact.ANONYMOUS or (
                    len(whole.split()) <= 2
                    and not any(w.lower() in FILLER | _NOT_A_NAME for w in whole.split()))):
                return whole
            words = [w for w in part.split()
                     if w.lower().strip("'") not in FILLER | _NOT_A_NAME]
            if 1 <= len(words) <= 2:
                name = contact.clean_name(" ".join(words))
                if name:
                    return name
        return None

    def reask(self, step: str | None, picked: Picked | None = None) -> None:
        attempts = dict(self.get("attempts") or {})
        count = attempts.get(step or "", 0) + 1
        attempts[step or ""] = count
        self.set(attempts=attempts)
        # An optional question is not worth losing a person over: skip it on the third try.
        if step in ("time", "region", "about", "choices") and count >= 2 or \
                step == "name" and count >= 3:
            self.set(skipped=[*(self.get("skipped") or []), step])
            self.ask_step(self.next_step())
            return
        if step == "consent" and count >= 2:
            # Twice talked past: they want to talk, not to decide now. Asking a third time
            # is pushing (a replay of p52, round 13: the same question four times in a row).
            self.say("utter_consent_rests", repeatable=True)
            self.clear_form()
            self.set(offer_declined=True)
            if picked is not None:
                self.free_turn(picked)  # what they said is heard as talk
            return
        if step == "consent":
            # Not understood: the same in plain words, not the whole text again.
            self.say("utter_consent_simple", repeatable=True)
            self.say("utter_ask_consent_given", repeatable=True)
            self.set(pending="consent")
            return
        if step == "choices" and self._plain_yes():
            # A bare "ja" to two questions: one short check, not both questions again
            # (round 18, p78, who reads Dutch at A2, was asked the whole question twice).
            self.say("utter_choices_yes_which", repeatable=True)
            return
        hint = {"name": "utter_invalid_name", "phone": "utter_invalid_phone",
                "email": "utter_invalid_email", "time": "utter_invalid_time",
                "channel": "utter_invalid_channel", "consent": "utter_consent_unclear",
                "choices": "utter_choices_unclear",
                "summary": "utter_summary_unclear"}.get(step or "")
        if hint:
            self.say(hint, repeatable=True)
        self.ask_step(step)

    def ask_email_typo(self, step: str | None) -> None:
        self.say("utter_ask_email_typo", repeatable=True, email=self.get("contact_email"),
                 suggestion=self.get("email_suggestion"))
        self.set(pending="email_typo", resume_pending=step)

    def summary_turn(self, step: str, picked: Picked) -> bool:
        """A message at the summary card (or after "Aanpassen") that changes the request:
        every topic, contract type or sector it takes out goes, a call moment is set, and
        what it is about becomes the person's own words; the correction sentences never do
        (round 10, p37, p39, p41, p42). True when the turn is done."""
        text = self.turn.text.strip()
        if self.turn.is_button or (FIELD_VALUE.search(text) and not REGION_OUT.search(text)):
            return False  # "Er staat nog steeds Plaats: Ede. Kunt u de plaats weghalen?" is none
        flagged = self._card_flags(text)
        if flagged is not None:
            # "zet erbij dat mijn werkgever het niet mag weten", "en zet erbij dat het spoed
            # is": a mark on the request, never pasted as their words (round 20, p87's card
            # read "Mijn werkgever het niet mag weten.", p84's "Het spoed is.").
            text = flagged
            if len(re.findall(r"\w+", text)) < 3:
                self.ask_step(self._card_step())
                return True
        if YES.match(text) and _THANKS.search(text):
            # "ja dat klopt, dank je": the thanks is no addition to the card (round 22c, p98).
            text = _THANKS_CLAUSE.sub(" ", text).strip()
        fix = read_correction(text, self.topics(), self.get("contract_type"), self.get("sector"))
        # "nee da klopt ni. ik ben ni ontslagen ... en ik zei allebei ja": the choices are
        # set and the rest of the correction applied too (round 13, p52).
        choices = changed_choices(text)
        if SEND_WORDS.search(text) and not self.turn.is_question and not NO_START.match(text):
            self.apply_correction(fix)  # "... klopt niet, maar verstuur het maar"
            if choices:
                self.set(**choices)
            return False
        if step == "summary" and not fix.changes() and not picked.anything() and \
                not YES.match(text) and (
                _THANKS_ONLY.match(text) or self.intent == "thank" and _THANKS.search(text)
                and not fix.content):
            # "ja klopt, merci" is a yes with thanks, not thanks alone (round 22c, p98).
            # "Dank u wel": nothing changed, the request waits for a yes (round 10, p40).
            self.say("utter_thanks_at_summary", repeatable=True)
            return True
        short_question = self.turn.is_question and len(text.split()) <= 8
        edit = step == "summary_edit" and not short_question
        if not picked.time and self.get("contact_time") and (_TIME_FIX.search(text) or (
                step == "summary_edit" and contact.clean_time(text)
                and len(re.findall(r"\w+", contact.without_time(text))) <= 3)):
            # "na 14 uur" typed after "Aanpassen" is the moment, not what it is about (round
            # 18, p77's card read "In je eigen woorden: Na 14 uur." and kept the old time).
            # "nee niet goed. alleen ochtend! middag en avond kan niet" corrects the moment on
            # the card, without a word of calling (round 16b, p70 could not change it).
            picked.time = contact.clean_time(text)
        new_time = bool(picked.time and picked.time != self.get("contact_time"))
        if not (fix.changes() or fix.addition or new_time or fix.not_there or fix.corrected
                or (fix.content and (fix.comment or fix.about or edit))):
            if flagged is not None:
                # A mark was set or a line taken off ("moment klopt niet, en ik heb geen
                # geldzorgen"): the card again, or the step that is now open (round 24, p115).
                self.ask_step(self._card_step())
                return True
            return False
        self.apply_picked(picked, announce=False)
        self.apply_correction(fix)
        if choices:
            self.set(**choices)
        content, dictated = [], False
        for sentence in fix.content:
            words, said = own_words_for_card(sentence, pregnant=bool(self.get("pregnant")))
            if said:
                content = []  # what comes before "Zet er maar gewoon:" is about the card
            dictated = dictated or said
            if words:
                content.append(words)
        edit = edit or dictated  # "zet er maar gewoon: ..." is the card's new text
        if not (edit or fix.about or fix.addition):
            # Next to a correction, only what they say about themselves is worth keeping
            # ("mijn werkgever is failliet"), not "Dit is bijna grappig." (round 10, p41).
            content = [c for c in content if len(c.split()) >= 8 or re.search(
                r"\b(ik|mijn|m'?n|mn|me|mij|mijne)\b", c, re.I)]
        own = contact.clean_free_text(" ".join(content), limit=600)
        if new_time and own and len(re.findall(r"\w+", contact.without_time(own))) <= 4:
            # "alleen ochtend voor 12 uur" after "Aanpassen" changes the moment; it is no text
            # of their own that replaces their questions (round 16b, p70).
            own = None
        # Beside a correction, a topic joins only when it is named in words: the classifier's
        # guess at "het gaat om mijn rug en om eerder of minder stoppen" put "een opleiding of
        # cursus" on a bus driver's card (round 20c, p87).
        lowered = self.turn.text.lower()
        # "is geen conflict. is reorganisatie. rest klopt": named in words, the topic joins
        # also when nothing of the message is kept as their own words (round 26, p124's card
        # lost its only topic).
        new = [t for t in self._message_topics() if t not in self.topics()
               and t not in fix.topics_out and (
                   re.search(rf"\b({TOPIC_WORDS.get(t, '$^')})\b", lowered) or own and (
                       edit or fix.addition or not (fix.topics_out or fix.about)))]
        if new:
            # "nee, het gaat ook over mijn pensioen": the topic joins the request, and a
            # short sentence that only names it is not pasted (round 4).
            self.set(topics=[*self.topics(), *new],
                     primary_topic=self.get("primary_topic") or new[0])
            if own and len(own.split()) < 8:
                own = None
        if own:
            before = self.get("summary_text")
            if fix.addition or not (edit or fix.about):
                # An addition joins what they wrote before (round 4, p19) ...
                own = f"{before} {own}" if before and own not in before else own
            # ... what they now say it is about, or type after "Aanpassen", replaces it,
            # and the questions quoted from the chat too (round 16, p71: her rewrite came
            # after the quote she wanted gone).
            self.set(summary_text=_shortened(own))
            if edit or fix.about:
                self.set(questions_asked=None)
        # Named to go, and only in their own words ("haal ontslag eruit" beside "Ik ben
        # bang voor ontslag."): those sentences go.
        own_before = self.get("summary_text") or ""
        # Not from a text they just dictated ("Zet er maar gewoon: ... ik word boventallig")
        named = [t for t in fix.not_there if t not in fix.topics_out and not dictated
                 and topic_named(t, own_before.lower())]
        if named:
            kept = [part for part in re.split(r"(?<=[.!?])\s+", own_before)
                    if not any(topic_named(t, part.lower()) for t in named)]
            self.set(summary_text=" ".join(kept) or None)
            self.say("utter_kept_out", repeatable=True)
        # Never "Dat staat er al niet meer in" about words that are still on the card
        # (round 13, p52: "ontslag" was, in "werk zoeken na ontslag").
        card = self.summary_text().lower()
        gone = [LABELS[t] for t in fix.not_there if t not in fix.topics_out
                and t not in named and not topic_named(t, card)]
        if gone and not any(s.response == "utter_sorry_topic" for s in self.out.says):
            # "haal da pensioen en die opleiding er nu eens uit": they are out already.
            self.say("utter_not_in_request", repeatable=True, topic=_listed(gone))
        self.ask_step(self._card_step())
        return True

    def _card_step(self) -> str:
        """After a change at the card: the card again, or the moment when it was wrong."""
        return "time" if self.time_cleared else "summary"

    def _card_flags(self, text: str) -> str | None:
        """Marks asked for at the card (the employer must not know, urgent, no hurry) set on
        the request, and a place taken off it; the text without those parts, or None when
        there were none."""
        parts = [p for p in re.split(r"(?<=[.!?,;])\s+|\s+en\s+", text) if p.strip()]
        kept = []
        region = self.get("region")
        named_out = re.compile(rf"\b{re.escape(region)}\b[^.?!]{{0,20}}\b(moet|mag|kan)\s+"
                               r"(weg|eruit)\b", re.I) if region else None
        for part in parts:
            if region and (REGION_OUT.search(part) or (named_out and named_out.search(part))):
                # "ik woon niet in Ede, de fabriek is bij Ede", "De plaats Ede moet weg": the
                # place goes (round 21, p93 could not get it off his card in three tries).
                self.set(region=None)
            elif EMPLOYER_SECRET.search(part):
                self.set(employer_secret=True)
            elif NO_HURRY.search(part):
                self.set(urgent_request=False)
            elif URGENT.search(part):
                self.set(urgent_request=True)
            elif _NO_MONEY_WORRIES.search(part):
                # "ik heb geen geldzorgen": the line goes, and is not pasted as their words
                # (round 24, p115's card then said both).
                self.set(money_worries=False)
            elif _TIME_WRONG.search(part) and self.get("contact_time"):
                self.set(contact_time=None)  # asked again ("moment klopt niet", round 24)
                self.time_cleared = True
            else:
                kept.append(part)
        return " ".join(kept) if len(kept) < len(parts) else None

    def apply_correction(self, fix: Correction) -> None:
        """Take out what the correction takes out, and say so."""
        labels = []
        out = [t for t in fix.topics_out if t in self.topics()]
        if "workload_health" in out and WORKLOAD_WORDS.search(self.turn.text) and not re.search(
                r"\b(gezondheid|ziek\w*|pijn|klachten|rug|knie\w*|hand|slaap\w*)\b",
                self.turn.text, re.I):
            # "werkdruk heb ik niet gezegd": the word goes, "Gezondheid speelt mee" stays when
            # the health was his reason (round 21, p97's knees went off the card with it).
            out.remove("workload_health")
            self.set(workload_named=None)
            labels.append("werkdruk")
        if out:
            kept = [t for t in self.topics() if t not in out]
            primary = self.get("primary_topic")
            self.set(topics=kept, primary_topic=primary if primary in kept else (
                kept[0] if kept else None), last_topic=kept[-1] if kept else None,
                denied_topics=sorted(set(self.get("denied_topics") or []) | set(out)))
            labels += [LABELS[t] for t in out]
        if fix.contract_out and self.get("contract_type"):
            labels.append(CONTRACT_LABELS.get(self.get("contract_type"),
                                              str(self.get("contract_type"))))
            self.set(contract_type=None)
        if fix.new_sector:
            self.set(sector=fix.new_sector)
        elif fix.sector_out:
            self.set(sector=None)
        if fix.out_of_work:
            self.set(out_of_work=True)
        elif fix.at_work and self.get("out_of_work"):
            self.set(out_of_work=None)  # "ik ben ni ontslagen", "ik heb werk"
        if fix.own_words_out:
            self.set(summary_text=None)
        if not labels:
            return
        said = next((s for s in self.out.says if s.response == "utter_sorry_topic"), None)
        if said is not None:  # the engine took out some already: one sentence for all
            labels = [str(said.values.get("topic")), *labels]
            self.out.says.remove(said)
        self.say("utter_sorry_topic", repeatable=True, topic=_listed(labels))

    def answer_after_request(self) -> bool:
        """When the consultant comes, and whether a mail follows, asked after the request
        is sent (round 18, p80 got "Daar heb ik geen goed antwoord op"). True when said."""
        promise = self.get("expected_contact")
        if not self.has_ticket() or self.get("handover") or not promise:
            return False
        if CONFIRMATION_MAIL.search(self.turn.text) and self.turn.is_question:
            self.say("utter_no_confirmation_mail", repeatable=True,
                     ticket_reference=self.get("ticket_reference"), expected_contact=promise)
            return True
        if WHEN_CONTACT.search(self.turn.text):
            self.say("utter_when_contact_after", repeatable=True, expected_contact=promise)
            return True
        return False

    def closing_after_request(self, picked: Picked) -> bool:
        """Thanks or a goodbye after the request is sent ("Merci, salu", "Ik wacht op
        WhatsApp van consulent. Dank u wel."): a warm close that says when the consultant
        comes, nothing shown or changed (round 10, p39, p40, p42). True when said."""
        text = self.turn.text
        last = re.split(r"(?<=[.!?])\s+", text.strip())[-1]
        bye_last = bool(_LEAVING.search(last)) and len(last.split()) <= 3
        if not self.has_ticket() or self.get("handover") or self.turn.is_button or (
                self.turn.is_question and not bye_last):
            return False  # "Ik heb niets aangepast? Ik zeg alleen dank u wel. Dag!" closes
        if picked.phone or picked.phone_invalid or picked.email or picked.name or \
                _NOT_A_CLOSING.search(text) or self.get("safety_flag"):
            return False
        waiting = bool(_WAITING.search(text))
        if (picked.channel or picked.refused_channels) and not waiting:
            return False  # "bedankt, liever per mail" is a change
        if not (waiting or _THANKS.search(text) or _LEAVING.search(text)
                or self.intent in ("thank", "goodbye")):
            return False
        self.turn.mentioned = None
        self.set(pending=None)
        promise = self.get("expected_contact")
        # "nvm doei" thanked for nothing: no "Graag gedaan!" (round 20, p86).
        thanked = bool(_THANKS.search(text)) or self.intent == "thank"
        if promise:
            self.say("utter_closing_after_request" if thanked
                     else "utter_closing_after_request_bye", repeatable=True,
                     expected_contact=promise)
        else:
            self.say("utter_closing_after_request_no_date" if thanked
                     else "utter_closing_after_request_no_date_bye", repeatable=True)
        return True

    def give_consent(self, picked: Picked) -> None:
        """The yes to sharing, with its time; then the first step of the form."""
        from datetime import UTC, datetime

        self.set(consent_given=True, consent_given_at=datetime.now(UTC).isoformat())
        changed = self.apply_picked(picked, announce=False)
        if changed:
            # "ja. 06-12345969, Wim": shown back, so they see it was heard (round 16d, p69).
            self.say("utter_noted", repeatable=True, noted=self.noted_text(changed))
        self.ask_step(self.next_step())

    def remember_situation(self) -> None:
        """What the consultant should know from any message: no work now ("ik ben
        werkloos"), and a short language note ("ik spreek beetje nederlands", English)."""
        text = self.turn.text
        if not text or self.turn.is_button:
            return
        if DEBTS.search(text) and not TRAINING_MONEY.search(text):
            self.set(money_worries=True)
        if PREGNANT.search(text) and not self.get("health_left_out"):
            self.set(pregnant=True)
        if CONTRACT_CHANGE_PAPER.search(text):
            self.set(contract_change_paper=True)
        if says_out_of_work(text):
            self.set(out_of_work=True)
        elif AT_WORK.search(text) and self.get("out_of_work"):
            self.set(out_of_work=None)
        noted = self.get("language_note")
        named = best_language(text, learner=bool(
            noted or LITTLE_DUTCH.search(text) or self.intent == "other_language"))
        if named:
            # "Niet Engels, Pools gaat beter" corrects an earlier note (round 24c, p119).
            self.set(language_note="english" if named == "Engels" else named)
            return
        named_before = noted not in (None, "english", "little_dutch")
        english = writes_english(text)
        if not named_before and (english or (self.intent == "other_language" and re.search(
                r"\benglish\b|\bengels\b", text, re.I))):
            self.set(language_note="english")
        elif (LITTLE_DUTCH.search(text) or self.intent == "other_language") and not noted:
            self.set(language_note="little_dutch")

    def profile_entity(self, name: str) -> str | None:
        """An entity of the person's profile, only from what they say about themselves."""
        for entity in self.turn.entities:
            if entity.get("entity") == name and entity.get("value") and \
                    self.said_of_self(entity):
                return str(entity["value"])
        return None

    def said_of_self(self, entity: dict) -> bool:
        """A contract type or sector from a statement about the person, not from a question
        or an option ("Netwerken misschien? Of via een uitzendbureau? Wat raad je aan?" made
        a job seeker "Je werkt ... met uitzendwerk"; round 10, p41), nor a denial ("ik doe
        geen uitzendwerk")."""
        if entity.get("entity") not in ("contract_type", "sector"):
            return True
        text = self.turn.text
        start = int(entity.get("start") or 0)
        begin, end = sentence_span(text, start)
        sentence = text[begin:end]
        before = text[begin:start]
        if re.search(r"\b(geen|gene|niet|nie|ni|nooit)\b(\s+[\w'-]+){0,3}\s*$", before, re.I):
            return False
        if OTHERS_OPINION.search(sentence):
            return False  # "een vast contract is toch fijn zeggen ze" (round 15c, p66)
        if entity.get("entity") == "contract_type" and CONTRACT_WISHED.search(sentence):
            return False  # "kan ik nie gewoon een vast contract vragen?" (round 20c, p92)
        about_me = re.search(r"\b(ik\s+(werk|zit|sta|ben|doe|heb)|werk\s+ik|mijn|m'?n|mn|"
                             r"mijne)\b", sentence, re.I)
        if about_me:
            return True
        asked = sentence.rstrip().endswith("?") or bool(re.match(
            r"^\W*(of|misschien|wat|hoe|moet|kan|kun|zou|is|zijn)\b", sentence, re.I))
        option = re.search(r"\b(of|misschien|vinden|zoeken|zoek|wil|willen|naar)\b", sentence,
                           re.I)
        return not (asked or option)


def _listed(labels: list[str]) -> str:
    """ "a", "a en b", "a, b en c"."""
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " en " + labels[-1]


def _shortened(text: str, limit: int = 300) -> str:
    """At most `limit` characters, cut after a sentence or a word."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("! "), cut.rfind("? "))
    return cut[:end + 1] if end > limit // 2 else cut.rsplit(" ", 1)[0] + " …"
