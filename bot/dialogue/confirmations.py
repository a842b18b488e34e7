"""Destructive or binding steps happen only on an unmistakable yes: deleting,
stopping the form, withdrawing or changing a sent request, an e-mail typo.
"""

from __future__ import annotations

import re

from bot.dialogue.patterns import (
    NO_START,
    NOT_STOPPING,
    SEND_WORDS,
)
from bot.dialogue.pickup import Picked
from bot.dialogue.state import ConversationState


class Confirmations(ConversationState):
    """Confirmations before anything is deleted, stopped or changed."""

    def ask_delete(self) -> None:
        self.say("utter_ask_delete_confirm", repeatable=True)
        self.set(pending="delete_confirm", resume_pending=self.pending)

    def answer_delete_confirm(self, picked: Picked) -> None:
        text = self.turn.text
        said_delete = bool(re.match(r"^\W*(wis|verwijder|weg\s+ermee|doe\s+maar)", text, re.I))
        refused = bool(NO_START.match(text) or re.search(
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
        text = self.turn.text
        if SEND_WORDS.search(text) and self.get("resume_pending") in ("summary", "summary_edit"):
            # "nee niet stoppen, versturen": the request is sent (round 6, p27, p32).
            self.set(pending="summary", resume_pending=None, summary_confirmed=True)
            self.ask_step(self.next_step())
            return
        if (self._plain_yes() or (self.intent == "stop_form" and not self.turn.is_question)) \
                and not NO_START.match(text) and not NOT_STOPPING.search(text):
            # "Nee, ga verder" (the button's own words, typed) never stops (round 5, p21).
            self.set(pending=None)
            self.stop_form()
            return
        self.set(pending=self.get("resume_pending"), resume_pending=None)
        if self.intent == "deny" or NO_START.match(text) or NOT_STOPPING.search(text):
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
