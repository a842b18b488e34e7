"""The member's answer to a follow-up question (issue 15, item 4), read while one is
awaited: the action server puts the awaited kind in the turn's slots as
`follow_up_pending` (contact | six_weeks | recommend; never stored). An answer that is not
one (a new question, a topic) leaves it waiting and the conversation goes on as usual.
"""

from __future__ import annotations

import re

from bot.dialogue.patterns import NO_START, YES
from bot.dialogue.state import ConversationState

NOT_YET = re.compile(r"\b(nog\s+niet|nee|neen|niet|nog\s+niemand|geen\s+contact|"
                     r"niemand)\b", re.I)
SCORE = re.compile(r"(?<![\d,.])([1-5])(?!\d|[.,]\d)")
RECOMMEND_YES = re.compile(r"\b(ja|jawel|zeker|wel|aanraden|zou\s+ik\s+doen)\b", re.I)
RECOMMEND_NO = re.compile(r"\b(nee|neen|niet|nie|geen)\b", re.I)


class FollowUpTurns(ConversationState):
    def follow_up_turn(self) -> bool:
        """True when this message answered the awaited follow-up question."""
        kind = self.get("follow_up_pending")
        text = self.turn.text.strip()
        if not kind or self.turn.is_question or self.turn.crisis_level == "clear":
            return False
        if kind == "contact":
            if NO_START.match(text) or (NOT_YET.search(text) and not YES.match(text)):
                reached = False
            elif YES.match(text):
                reached = True
            else:
                return False
            self.say("utter_follow_up_reached" if reached else "utter_follow_up_not_reached",
                     repeatable=True)
            self._answer(kind="contact", reached=reached)
            return True
        recommend = _recommend(text)
        if kind == "recommend":
            if recommend is None:
                return False
            self.say("utter_follow_up_thanks", repeatable=True)
            self._answer(kind="recommend", recommend=recommend)
            return True
        score = SCORE.search(text)
        if kind != "six_weeks" or score is None:
            return False
        self.say("utter_follow_up_thanks", repeatable=True)
        if recommend is None:
            self.say("utter_follow_up_ask_recommend", repeatable=True)
        self._answer(kind="six_weeks", score=int(score[1]), recommend=recommend)
        return True

    def _answer(self, **values: object) -> None:
        self.out.effect = "follow_up_answer"
        self.out.effect_values = dict(values)


def _recommend(text: str) -> bool | None:
    words = SCORE.sub(" ", text)
    no, yes = RECOMMEND_NO.search(words), RECOMMEND_YES.search(words)
    if no and not (yes and yes.start() < no.start() and yes[0].lower() == "ja"):
        return False
    return True if yes else None
