"""What one turn reads and writes: the slots, the message and the replies.
"""

from __future__ import annotations

import re
from typing import Any

from bot.dialogue.patterns import (
    ASKS_SHORTER,
    BELGIAN_VERSIONS,
    EMPLOYER_ADVICE,
    MEMBER_WORDS,
    NO_START,
    NO_WORK_VERSIONS,
    ON_CALL,
    ON_CALL_CONTRACTS,
    PASS_ON,
    RETIRED_VERSIONS,
    SARCASTIC_YES,
    SIMPLER,
    YES,
)
from bot.dialogue.turn import Outcome, Say, Turn
from bot.knowledge.entries import Entry
from bot.knowledge.in_conversation import closest_line
from bot.knowledge.tailor import tailored

# A knowledge line that sends to a suicide-prevention line (113 in the Netherlands, 1813 in
# Flanders); a line with only 112 (violence, danger) stays.
HELPLINE = re.compile(r"\b(113|1813)\b|zelfmoordlijn", re.I)

# The consultant offered unasked at most this often in one conversation (round 18, p68).
MAX_OFFERS = 2


class ConversationState:
    """What one turn reads and writes: the slots, the message and the replies."""

    def __init__(self, slots: dict[str, Any], turn: Turn) -> None:
        self.slots = dict(slots)
        self.turn = turn
        self.out = Outcome()
        self.recent = set(slots.get("recent") or [])

    def get(self, name: str) -> Any:
        return self.slots.get(name)

    def set(self, **values: Any) -> None:
        if values.get("health_left_out") or self.slots.get("health_left_out"):
            # Health asked off the request stays off, whatever a later message adds (round
            # 17, p74's "Gezondheid speelt mee" came back), also as the ticket's main topic.
            if values.get("topics"):
                values["topics"] = [t for t in values["topics"]
                                    if t != "workload_health"] or None
            if values.get("primary_topic") == "workload_health":
                kept = values.get("topics") or self.slots.get("topics") or []
                values["primary_topic"] = next(
                    (t for t in kept if t != "workload_health"), None)
        self.slots.update(values)
        self.out.slots.update(values)

    def say(self, response: str, *, repeatable: bool = False, **values: Any) -> None:
        """Say a response; an informational block said last turn is not said again."""
        if not repeatable and response in self.recent:
            return
        if response in ("utter_deepen_career_change_known", "utter_deepen_training_known"):
            values.setdefault("wanted_job", self.get("wanted_job"))
        if any(s.response == response for s in self.out.says):
            return  # once per turn
        if response in EMPLOYER_ADVICE and self.get("employer_secret"):
            return
        if self.get("retired") and response in RETIRED_VERSIONS:
            response = RETIRED_VERSIONS[response]
        if self.get("out_of_work") and response in NO_WORK_VERSIONS:
            # No manager or HR for who has no work (round 16, p63): the version without them.
            response = NO_WORK_VERSIONS[response]
        elif (self.get("out_of_work") or self.get("retired")) and response in EMPLOYER_ADVICE:
            return
        if response == "utter_deepen_funding" and (self.turn.flemish
                                                   or self.get("employer_secret")):
            # "heb je al gevraagd of je werkgever meebetaalt?" to a cleaner in Gent whose boss
            # must not know (round 22c, p98 heard it twice).
            response = "utter_deepen_funding_no_employer"
        if response == "utter_topic_funding" and self.turn.flemish:
            # The Dutch ontwikkeladvies is no route in Flanders (round 22c, p98).
            response = "utter_topic_funding_be"
        if response == "utter_ask_cost" and not self.turn.flemish:
            # "Ik ben al twintig jaar lid. Dus is het gratis of niet?": no ad for non-members
            # to a member, and asked again, the honest short answer (round 18, p80 read the
            # same block twice).
            if self.said_recently("utter_ask_cost") or self.said_recently("utter_ask_cost_member"):
                response = "utter_ask_cost_again"
            elif MEMBER_WORDS.search(self.turn.text):
                response = "utter_ask_cost_member"
        if response in BELGIAN_VERSIONS and self.turn.flemish:
            # Someone in Flanders gets the numbers that work there (1813), not 113.
            response += "_be"
            if response in ("utter_no_answer_again_be", "utter_no_answer_again_declined_be") \
                    and not {"retirement", "work_life_balance"} & set(self.topics()):
                response += "_work"  # the RVA and mypension.be are for leave and pension
        if response == "utter_selfhelp_flex_contract" and (
                self.get("contract_type") in ON_CALL_CONTRACTS or ON_CALL.search(self.turn.text)):
            response = "utter_selfhelp_flex_contract_on_call"
        if response == "utter_offer_consultant":
            self.set(offers_made=int(self.get("offers_made") or 0) + 1)
        self.out.says.append(Say(response=response, values=values))

    def refuses_the_helpline(self) -> bool:
        """Right after the crisis answer, "ik ga echt niet bellen" is about 113, not about
        how a consultant may reach them (round 4 and 5, p11 and p24)."""
        return any(self.said_recently(r) for r in (
            "utter_crisis", "utter_crisis_again", "utter_crisis_offer_human",
            "utter_crisis_soft", "utter_crisis_declined"))

    def said_recently(self, response: str) -> bool:
        """Said last turn, in either country's version."""
        return response in self.recent or f"{response}_be" in self.recent

    def known_age(self) -> str | None:
        """The age said in this message or earlier, as written ("52")."""
        return self.turn.entity("age") or self.get("age")

    def answer_lines(self, entry: Entry) -> list[str]:
        """An entry's answer for this person: lines for their age, and no 113 line for
        someone who said no to the direct question (believed; round 16, p68 read it after
        two noes). In Flanders the line names 1813 (round 27b, p136 read it after "nee nee ni
        zo eh")."""
        lines = list(entry.lines_for(self.known_age()))
        if self.get("check_said_no") and not self.get("safety_flag"):
            lines = [line for line in lines if not HELPLINE.search(line)] or lines
        return lines

    def fitted(self, lines: tuple[str, ...] | list[str]) -> list[str]:
        """Knowledge lines, fitted to the person: no "vraag je werkgever" for someone without
        one or who keeps this from the employer, the agency for an agency worker."""
        return tailored(list(lines),
                        no_employer=bool(self.get("employer_secret") or self.get("out_of_work")),
                        agency=self.get("contract_type") == "uitzend",
                        school=self.get("sector") == "onderwijs")

    def lines_to_say(self, entry: Entry) -> list[str]:
        """The answer, or its plain version for someone who asked for easier words."""
        if self.get("plain_language") and entry.simple:
            return [self.plain(entry)]
        return self.answer_lines(entry)

    def plain(self, entry: Entry) -> str:
        """The plain version; for "ff kort pls" without its "In makkelijke woorden:"."""
        simple = entry.simple or ""
        if ASKS_SHORTER.search(self.turn.text) and not self.get("plain_language"):
            rest = simple.removeprefix("In makkelijke woorden: ")
            return "Kort: " + rest
        return simple

    def say_text(self, lines: tuple[str, ...] | list[str]) -> None:
        self.out.says.extend(Say(text=line) for line in self.fitted(lines))

    def say_knowledge(self, entry: Entry) -> None:
        """A knowledge answer; asked again right after, it comes in easier words."""
        recent = entry.id in (self.get("knowledge_recent") or [])
        asks_again = bool(SIMPLER.search(self.turn.text)) or len(self.turn.text.split()) <= 6
        match = self.turn.knowledge
        if match is not None and match.line and match.entry.id == entry.id and \
                not (recent and asks_again):
            said = list(self.get("lines_said") or [])
            if match.line[:60] in said and recent:
                # The closest line was said just now: saying it again answers nothing (round
                # 11, p40 read the same BIG paragraph five times for five questions). Asked
                # again later, it is said again: "cursus nederlands kost geld?" got "geen beter
                # antwoord", although the line said it is often free (round 16, p70).
                self.say("utter_knowledge_no_better", repeatable=True)
                self.set(knowledge_recent=[entry.id])
                return
            # A follow-up on an answer given before: the line that answers it, said as such.
            # Only when that answer was given in full: after its plain version, or from an
            # answer never given, the line is new, and "Dit zei ik eerder al" is untrue (round
            # 22, p96 read it twice before lines he had never seen).
            given = list(self.get("knowledge_given") or [])
            if entry.id in given and not self.get("plain_language"):
                self.say("utter_knowledge_follow_up", repeatable=True)
            elif entry.id not in given:
                self.set(knowledge_given=[*given, entry.id])
            self.say_text([match.line])
            self.set(knowledge_recent=[entry.id], lines_said=[*said, match.line[:60]])
            return
        if recent and asks_again:
            # "wat is dat?", "kan u makkelijk zeggen?": the same answer in easier words.
            if entry.simple:
                self.say_text([self.plain(entry)])
            else:
                self.say("utter_knowledge_again", repeatable=True)
        elif recent or entry.id in (self.get("knowledge_repeated") or []):
            # The same answer a third time is no answer to what is asked now (round 6,
            # p28 got the AOW age five times for other questions): say so honestly.
            self.say("utter_knowledge_no_better", repeatable=True)
            return
        elif entry.id in (self.get("knowledge_given") or []):
            self.set(knowledge_repeated=[*(self.get("knowledge_repeated") or []), entry.id])
            # Given earlier in this conversation: a short reminder, not the same block
            # for the third time (round 4, p19 read the fewer-hours answer four times).
            self.say("utter_knowledge_said_before", repeatable=True)
            line = closest_line(entry, self.turn.text) if len(entry.answer) > 1 else \
                entry.answer[0]
            self.say_text([line])  # the part that fits this question, not always the first
        else:
            # Asked once for easier words ("te lang tekst. kan simpel?"), every answer after
            # it comes in easier words (round 19c, p83 read the long EVC answer next).
            self.say_text(self.lines_to_say(entry))
        given = list(self.get("knowledge_given") or [])
        if entry.id not in given:
            self.set(knowledge_given=[*given, entry.id])
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

    def offer_or_close(self, closing: str = "utter_anything_else", *, when: bool = True,
                       repeat_offer: bool = False) -> None:
        """The consultant offered where that may be done (and `when` holds), else the door
        left open with `closing`: the end of most turns that gave advice."""
        if when and self.may_offer() and (int(self.get("offers_made") or 0) < MAX_OFFERS
                                          or repeat_offer):
            self.say("utter_offer_consultant", repeatable=repeat_offer)
            self.set(pending="offer")
        else:
            if not (self.pending == "offer" and self.may_offer()):
                # An offer still open stays open: her "ja dat wil ik wel" a turn later takes
                # it (round 18c, p68 got "Waar kan ik je nog mee helpen?" twice).
                self.set(pending=None)
            self.say(closing, repeatable=True)

    def may_offer(self) -> bool:
        # Two turns talking past an open offer count as a no: more is pushing (round 6,
        # p31 was offered seven times; round 14, p55 three times in six messages).
        return not (self.get("offer_declined") or self.has_ticket() or self.get("handover")
                    or int(self.get("offers_ignored") or 0) >= 2)

    def _plain_yes(self) -> bool:
        """An unmistakable yes: "ja", "ja, verstuur dan maar"; never "ja maar wat is ...?"."""
        if self.turn.is_question:
            return False
        if self.turn.is_button:
            return self.intent == "affirm"
        text = self.turn.text
        if SARCASTIC_YES.match(text):
            return False  # "natuurlijk. eerst betalen. jullie zijn ..." (round 12, p48)
        # Words, not the classifier: consent and deletion hang on this ("oh top" is not a yes).
        return bool(YES.match(text)) and not NO_START.match(text)

    def _consent_yes(self) -> bool:
        """A yes to sharing: plain, or in the last sentence after a hesitation ("laat maar.
        ja doe maar, geef maar door aan een mens"; round 12, p48)."""
        if self._plain_yes():
            return True
        if self.turn.is_button:
            return False
        last = [c for c in re.split(r"[.!]+\s*", self.turn.text) if c.strip()]
        if any(PASS_ON.search(c) and not re.search(r"\b(niet|nie|geen)\b|\?", c, re.I)
               and not NO_START.match(c) for c in last[:-1]):
            # "U mag mijn gegevens delen. Mijn naam is Peter, mijn nummer is …": the yes comes
            # first and the details after it (round 24c, p122 heard "Daar ben ik mee bezig").
            return True
        if not last or NO_START.match(last[-1]) or \
                re.search(r"\b(niet|nie|geen)\b", last[-1], re.I):
            return False
        if self.turn.is_question:
            # "Ik vroeg alleen wat u van mij nodig heeft. Ja, u mag het delen met een
            # consulent." ends in an explicit yes (round 21, p93 was asked twice more).
            return "?" not in last[-1] and bool(PASS_ON.search(last[-1]))
        return bool(YES.match(last[-1]) or PASS_ON.search(last[-1]))
