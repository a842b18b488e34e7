"""Crisis statements: the answer at once on a clear one, one gentle direct
question on a possible one (113's guidance), and an apology when we misread.
"""

from __future__ import annotations

import re

from bot.dialogue.patterns import (
    CHALLENGES_BOT,
    CHECK_YES,
    HELPLINE_FAILED,
    HELPLINE_MENTION,
    LAUGHED_OFF,
    MEANT_IT,
    MISREAD_WORDS,
    NO_START,
    NOT_MEANT,
    PREPARED,
    REFUSED_HELP,
    WORK_RETURN,
    WORN_OUT,
)
from bot.dialogue.pickup import Picked
from bot.dialogue.state import ConversationState
from bot.nlu.crisis import denies_crisis

# What we say around a crisis statement; said last turn, the next message is read in its light.
CRISIS_RESPONSES = (
    "utter_crisis", "utter_crisis_again", "utter_crisis_offer_human", "utter_crisis_soft",
    "utter_crisis_declined", "utter_crisis_check", "utter_crisis_ticket_exists",
    "utter_crisis_helpline_failed", "utter_crisis_bot_limit", "utter_crisis_meant_it",
)


class SafetyTurns(ConversationState):
    """The safety part of a turn (see the module docstring)."""

    def just_talked_about_crisis(self) -> bool:
        return any(self.said_recently(r) for r in CRISIS_RESPONSES)

    def aftercare(self) -> bool:
        """Once a crisis was stated in this conversation, what follows is read in its light
        (role-play round 6, p33): a new dark signal is never left unanswered, "nee ik meen
        het" is believed, "113 helpt niks" gets other ways to talk, and a challenge to the
        bot gets an honest answer that stays with what was said. True when answered."""
        if not self.get("safety_flag"):
            return False
        text = self.turn.text
        if HELPLINE_FAILED.search(text):
            self.say("utter_crisis_helpline_failed", repeatable=True)
            self.set(pending=None)
            return True
        recent = self.just_talked_about_crisis()
        if recent and CHALLENGES_BOT.search(text):
            self.say("utter_crisis_bot_limit", repeatable=True)
            self.set(pending=None)
            return True
        if recent and MEANT_IT.search(text) and not NOT_MEANT.search(text) and \
                not LAUGHED_OFF.search(text):
            self.say("utter_crisis_meant_it", repeatable=True)
            self.set(crisis_told=int(self.get("crisis_told") or 0) + 1)
            return True
        if self.turn.crisis_level == "possible" and not HELPLINE_MENTION.search(text):
            # After a stated crisis, "heeft allemaal geen zin meer" needs no check question:
            # it gets the answer again (round 6: it got career buttons).
            self.crisis()
            return True
        if WORK_RETURN.match(text) and self.pending in (None, "crisis_offer"):
            # "en mijn werk dan?" after the help: her work, where we were.
            self.say("utter_after_crisis_checkin", repeatable=True)
            self.set(checked_in_after_crisis=True, pending=None)
            last = self.get("last_topic")
            if last:
                self.say(self.deepen_response(last), repeatable=True)
                self.set(pending="deepen")
            else:
                self.say("utter_tell_more", repeatable=True)
            return True
        return False

    def crisis(self) -> None:
        told = int(self.get("crisis_told") or 0)
        if told == 0:
            self.say("utter_crisis", repeatable=True)
            self.say("utter_crisis_help", repeatable=True)
        else:
            self.say("utter_crisis_again", repeatable=True)
        self.set(safety_flag=True, crisis_told=told + 1, misses=0)
        if PREPARED.search(self.turn.text):
            self.set(check_prepared=True)  # affairs put in order: kept in mind if taken back
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
                 resume_pending=self.pending, check_topics=self._message_topics(),
                 check_prepared=bool(PREPARED.search(self.turn.text)),
                 check_worn_out=bool(WORN_OUT.search(self.turn.text)) or None)
        self.say("utter_crisis_check", repeatable=True)
        self.set(pending="crisis_check")

    def hear_worn_out(self) -> None:
        """"Ik kan niet meer" about work: heard, with what she can do before she is sick,
        then the consultant if not declined, else the question where we were."""
        self.say("utter_worn_out_heard", repeatable=True)
        self.say("utter_worn_out_steps", repeatable=True)
        if "workload_health" not in self.topics():
            self.set(topics=[*self.topics(), "workload_health"], last_topic="workload_health",
                     primary_topic=self.get("primary_topic") or "workload_health")
        self.offer_or_close(repeat_offer=True)

    def answer_check(self, picked: Picked) -> None:
        resume = self.get("resume_pending")
        said_no = (NO_START.match(self.turn.text) or NOT_MEANT.search(self.turn.text)) and \
            not LAUGHED_OFF.search(self.turn.text)
        said_yes = (self.intent == "affirm" or CHECK_YES.match(self.turn.text)) and \
            not said_no and not NOT_MEANT.search(self.turn.text) and \
            not LAUGHED_OFF.search(self.turn.text)
        if said_yes and not self.turn.is_question:
            self.set(pending=resume)
            self.crisis()
            return
        if self.intent in ("deny", "not_what_i_meant", "thank") or (
                said_no and self.turn.crisis_level != "clear"):
            # "Nee hoor, zo bedoel ik het niet! Ik ben gewoon op": a no, whatever the
            # classifier makes of the rest (round 4: 113 was pushed after this).
            self.say("utter_crisis_check_no", repeatable=True)
            if self.get("check_prepared") and not self.get("soft_reminder_given"):
                # Believed, and the way to 113 said once all the same (round 16, p69).
                self.say("utter_crisis_soft", repeatable=True)
                self.set(soft_reminder_given=True)
            topics = list(self.get("check_topics") or [])
            worn_out = self.get("check_worn_out")
            self.set(pending=resume, check_topics=None, resume_pending=None,
                     check_said_no=True, check_worn_out=None)
            if self.get("handover"):
                self.ask_step(self.next_step())
            elif worn_out and not topics:
                # "ik kan niet meer" - "nee niet zo, ik bedoel het werk": then the answer to
                # being worn out by work, not "Wat maakt het zo zwaar?" after she had said it
                # (round 16d, p68).
                self.hear_worn_out()
            elif topics:
                self.topic_turn(topics, from_check=True)
            else:
                # "nee niet zo. gewoon weg van dit werk": the question before the check is
                # two turns back; ask on, so that "dan gaan we verder" leads somewhere.
                self.say("utter_tell_more_after_check", repeatable=True)
                self.set(pending="deepen" if self.get("last_topic") else None)
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

    def protests(self) -> bool:
        """A "no" that says we misread ("nee hoor, ik wil me niet van kant maken"), not a
        "no" to the help ("ik ga echt niet bellen": the statement stands)."""
        if denies_crisis(self.turn.text):
            # "wtf bro ik ben niet suicidaal ofzo 😂 ik vraag of ik een uitkering kan
            # krijgen" (round 13b, p51): whatever the classifier makes of the rest.
            return True
        return (self.intent == "deny" and len(self.turn.text.split()) >= 4
                and bool(MISREAD_WORDS.search(self.turn.text))
                and not REFUSED_HELP.search(self.turn.text))

    def misread(self) -> None:
        misread_crisis = (self.said_recently("utter_crisis")
                          or self.said_recently("utter_crisis_check"))
        if misread_crisis and self.get("check_prepared"):
            # "nee nee, zo bedoel ik het niet" after "mijn zaakjes op orde, mijn vrouw hoeft zich
            # straks nergens zorgen over te maken": believed, thanked, the door left open once
            # (113's guidance), and the flag stays (round 16b, p69 heard only "Excuses, dat
            # las ik verkeerd").
            self.say("utter_taken_back", repeatable=True)
            if not self.get("soft_reminder_given"):
                self.say("utter_crisis_soft", repeatable=True)
                self.set(soft_reminder_given=True)
        else:
            self.say("utter_sorry_misread", repeatable=True)
        if misread_crisis and int(self.get("crisis_told") or 0) <= 1 and \
                not self.get("check_prepared"):
            # Set by the message we misread: it was not a crisis statement.
            self.set(safety_flag=False)
        self.set(pending=None if self.pending in ("crisis_offer", "crisis_check")
                 else self.pending)
        last = self.get("last_topic")
        if self.get("handover"):
            self.ask_step(self.next_step())
        elif last and any(r.startswith(f"utter_topic_{last}") or
                          r == self.deepen_response(last) for r in self.recent):
            # The topic we just guessed is what we misread ("U begrijpt mij niet" after
            # pension texts for a bijstand question; round 10, p42): it goes, we ask.
            kept = [t for t in self.topics() if t != last]
            self.set(topics=kept, last_topic=kept[-1] if kept else None, pending=None,
                     primary_topic=kept[0] if kept else None)
            self.say("utter_tell_more", repeatable=True)
        elif last:
            self.say(self.deepen_response(last), repeatable=True)
            self.set(pending="deepen")
        else:
            self.say("utter_tell_more", repeatable=True)
