"""Outside the form: greetings, service questions, topics, knowledge answers and
the consultant offer that is never pushed.
"""

from __future__ import annotations

import re

from bot.dialogue.patterns import (
    ACK_THEN_MORE,
    ADVICE_QUESTION,
    AGENCY_ONLY,
    ASKS_EASIER,
    ASKS_SHORTER,
    BOTH_OPTIONS,
    CALL_ME,
    CONSULTANT_WHEN,
    CONTACT_SOONER,
    DEADLINE_PHRASE,
    DEBTS,
    DEEPEN_WHEN_KNOWN,
    DONT_KNOW_WANT,
    FACT_QUESTION,
    FEAR_OF_DISMISSAL,
    FLEX_CONCERN,
    HEALTH_COMPLAINT,
    INCOME_WORRY,
    LITTLE_DUTCH,
    LIVES_IN_BELGIUM,
    LIVING_COSTS,
    MAX_TOPIC_CHECKS,
    MEANT_INSTEAD,
    MENU_ANSWERS,
    MISS_INTENTS,
    NAMED_FOR_SURE,
    NEXT_STEPS,
    NO_CONSULTANT,
    OFFER_LATER,
    OFFER_MAYBE,
    OFFER_NO,
    OFFER_YES,
    OFFER_YES_PHRASE,
    SARCASTIC_YES,
    SERVICE_ANSWERS,
    SERVICE_SURE,
    SHOULD_I_GET_HELP,
    SILENCE,
    SINCE_WHEN,
    SLEEPS_BADLY,
    SOFT_TOPICS,
    SOMETHING_ELSE,
    STATEMENT_ANSWER,
    STAY_IN_FIELD,
    TEACH_OTHERS,
    TOO_MUCH_WORK,
    TOPIC_SURE,
    TOPIC_WORDS,
    TRAINING_MONEY,
    URGENT,
    WEARY,
    WITHDRAW,
    WORKING_NOW,
    YES,
    YES_THEN_MORE,
    YES_WORDS,
    YOUR_CHOICE,
    topic_label,
)
from bot.dialogue.pickup import Picked
from bot.dialogue.state import ConversationState
from bot.handover.topics import BUTTON_LABELS, CAREER_TOPICS, LABELS, OFFER_TOPICS
from bot.knowledge.entries import entry_by_id


class FreeTalk(ConversationState):
    """Talk outside the form."""

    def free_turn(self, picked: Picked) -> None:
        intent = self.intent
        misses = self._count_miss()
        if self.closing_after_request(picked) or self.answer_after_request():
            return  # "Merci, salu" after the request (bot/dialogue/form.py)
        if self.out.slots.get("offer_declined") and NO_CONSULTANT.search(self.turn.text) and \
                not self.turn.is_question and not self._message_topics():
            # "geen consulent nodig, alleen info": heard, and said so (round 5, p15).
            self.say("utter_info_only", repeatable=True)
            self.set(pending=None)
            return
        if picked.anything() and intent in ("inform", "request_human", "nlu_fallback",
                                              "affirm", "out_of_scope") and not \
                self.turn.is_question:
            self.contact_outside_form(picked)
            return
        if self.has_ticket() and CONTACT_SOONER.search(self.turn.text):
            # "Je aanvraag staat erin met je deadline" only when it does (round 19b, p84).
            self.say("utter_contact_sooner" if self.get("deadline") else
                     "utter_contact_sooner_no_deadline", repeatable=True)
            return
        if CONSULTANT_WHEN.search(self.turn.text) and self.turn.is_question:
            # No time we cannot keep is promised; the deadline goes into the request.
            self.say("utter_consultant_when", repeatable=True)
            if DEADLINE_PHRASE.search(self.turn.text) or URGENT.search(self.turn.text) or \
                    re.search(r"\b(v[oó]{1,2}r|voor)\s+\w+dag\b|\bmorgen\b", self.turn.text, re.I):
                self.set(urgent_request=True)
            self.start_handover(picked)
            return
        if self.pending == "offer" and self.answer_offer(picked):
            return
        if self.pending == "opening" and intent in ("affirm", "deny", "so_so"):
            self.set(pending=None)
            if intent == "so_so":
                self.say("utter_so_so")
                return
            self.topic_turn(["enjoy_work" if intent == "affirm" else "stuck"], from_check=True)
            return
        if intent == "greet":
            self.greet()
        elif intent == "goodbye":
            self.say("utter_goodbye_safety" if self.get("safety_flag") else "utter_goodbye",
                     repeatable=True)
            self.set(pending=None)
        elif intent == "thank":
            if self.get("safety_flag") and re.search(r"\b(sorry|sry|excuus|excuses)\b",
                                                     self.turn.text, re.I):
                self.say("utter_no_need_for_sorry", repeatable=True)
            self.say("utter_thank_safety" if self.get("safety_flag") else "utter_thank",
                     repeatable=True)
            self.set(pending=None)
        elif self.advice_topic():
            self.followup(self.advice_topic())
        elif self.out_of_advice():
            # "wat moet ik dan" after every tip we have: honest, and the consultant, not the
            # list of what the bot can do (round 19, p68).
            self.say("utter_out_of_tips", repeatable=True)
            self.offer_or_close(repeat_offer=True)
        elif intent in SERVICE_ANSWERS:
            self.service_answer()
        elif self.turn.is_question and SHOULD_I_GET_HELP.search(self.turn.text) and \
                intent not in SERVICE_ANSWERS:
            # "Moet ik naar een coach? Want daar zit ik niet op te wachten." whatever the
            # classifier makes of it (round 14b, p58 got "weet ik niet zeker").
            self.coach_question()
        elif intent == "request_human":
            self.start_handover(picked)
        elif intent == "manage_request":
            self.manage_request(picked)
        elif picked.refused_channels and not self.refuses_the_helpline():
            self.apply_picked(picked, announce=False)
            self.say("utter_refusal_noted", repeatable=True,
                     refused=", ".join(self._channel_words(sorted(picked.refused_channels))))
        elif intent == "stop_form":
            # After a crisis statement, "laat maar. niemand zit op mij te wachten" gets the
            # helpline, not "Goed." (round 22d, p107).
            self.say("utter_goodbye_safety" if self.get("safety_flag")
                     else "utter_stopped_outside_form", repeatable=True)
            self.set(pending=None)
        elif intent in CAREER_TOPICS:
            self.topic_turn(self._message_topics())
        elif intent in ("inform", "affirm", "deny", "so_so"):
            self.answer_in_context()
        else:
            self.miss(misses)

    def answer_offer(self, picked: Picked) -> bool:
        """The answer to "wil je met een consulent praten?", read in its context: a typed
        yes with more ("ja graag. bel me vandaag nog aub") is a yes, whatever the classifier
        makes of "vandaag"; "nu nog nie", "nee merci" is a no, and a question after it is
        still answered (round 6, p25, p31, p32). True when the turn is done."""
        text = self.turn.text
        if OFFER_LATER.match(text):
            self.set(offer_declined=True, pending=None)
            self.say("utter_offer_declined")
            return True
        if self.intent == "goodbye":
            self.set(pending=None)
            return False  # "oké doei" is a goodbye, not a yes
        if MEANT_INSTEAD.match(text):
            # "nee ik bedoel bbl school. kost geld?" corrects what we understood; it is no
            # answer to the offer (round 19c, p83's offer counted as declined).
            self.turn.intent = "nlu_fallback" if self.intent == "deny" else self.intent
            return False
        if OFFER_NO.match(text) or (self.intent == "deny" and not YES.match(text)):
            self.set(offer_declined=True, pending=None)
            if self.turn.is_question or len(text.split()) > 6:
                self.turn.intent = "nlu_fallback" if self.intent == "deny" else self.intent
                return False  # "nee merci. kunde gij mij iets over ouderschapsverlof zeggen?"
            self.say("utter_offer_declined")
            return True
        if self.turn.is_question:
            knowledge = self.turn.knowledge
            if YES_THEN_MORE.match(text) and knowledge is not None and \
                    knowledge.entry.id not in (self.get("knowledge_given") or []):
                # "ja is goed. maar mag ik dan ook gewoon vragen om geen nachten meer": the
                # question answered and the yes kept (round 24b, p117 had to ask again).
                self.say_knowledge(knowledge.entry)
                self.start_handover(picked)
                return True
            return False  # "ja maar wat kost dat?": a question first
        if OFFER_MAYBE.match(text):
            heard = list(self.get("heard_once") or [])
            if "utter_offer_maybe" in heard:
                # Doubt twice: no more pushing; the door stays open in words.
                self.set(pending=None, offers_ignored=2)
                self.say("utter_offer_declined")
            else:
                self.set(heard_once=[*heard, "utter_offer_maybe"])
                self.say("utter_offer_maybe", repeatable=True)
            return True
        said_yes = OFFER_YES.match(text) or OFFER_YES_PHRASE.search(text) or \
            (YES.match(text) and len(text.split()) <= 3)
        # "haha ok" to "Wil je nog iets anders weten?" is no yes to an offer made two turns
        # before (round 21, p91 got the consent text).
        ack_only = "utter_more_questions" in self.recent and not (
            {"utter_offer_consultant", "utter_offer_still_open"} & self.recent) and \
            bool(re.fullmatch(r"\W*((haha|hah|hihi|lol|nou)\W+)?(ok|oke|oké|okay|prima|goed|top|"
                              r"helder|duidelijk)\W*", text, re.I))
        # "natuurlijk. eerst betalen. jullie zijn toch ook allemaal hetzelfde" (round 12, p48)
        sneer = SARCASTIC_YES.match(text) and not CALL_ME.search(text)
        ack = ACK_THEN_MORE.match(text)
        # The yes words of the rest's first sentence only, and "fijn om te weten" is none:
        # "Oké, fijn om te weten. … dus dat zit wel goed. Maar … ben ik bang dat …" went on to
        # her worry, and got the consent text (round 26b, p134).
        first = re.split(r"(?<=[.!?…])\s+", ack["rest"].strip())[0] if ack else ""
        first = re.sub(r"\b(fijn|goed|prima)\s+om\s+te\s+(weten|horen|lezen)\b", " ", first,
                       flags=re.I)
        if ack and len(ack["rest"].split()) > 2 and not OFFER_YES.match(ack["rest"]) and \
                not YES_WORDS.search(first) and not CALL_ME.search(ack["rest"]) and \
                self.intent != "request_human":
            sneer = True  # not a yes to the offer: the new subject is handled as it is
        if not sneer and not ack_only and (self.intent in ("affirm", "request_human") or said_yes
                                           or CALL_ME.search(text)):
            self.start_handover(picked)
            return True
        # Talked past the offer: counted, so that it is not made again and again; it stays
        # open, so "ja graag" a turn later still takes it (the browser test's own flow).
        if self.intent not in ("greet", "thank"):
            self.set(offers_ignored=int(self.get("offers_ignored") or 0) + 1)
        return False

    def coach_question(self) -> None:
        """"Moet ik naar een coach?" answered; the consultant offered, never the form."""
        knowledge = self.turn.knowledge
        if knowledge:
            self.say_knowledge(knowledge.entry)
        else:
            self.say("utter_coach_needed", repeatable=True)
        if self.may_offer() and self.pending != "offer":
            self.say("utter_offer_consultant")
            self.set(pending="offer")
        else:
            self.set(pending=None)

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
        unsure = self.turn.confidence < SERVICE_SURE
        # "nee ik bedoel bbl school. kost geld?" right after the bbl answer is about that
        # school, however sure the classifier is that it asks what we cost (round 19b, p83).
        if knowledge and self.turn.is_question and (knowledge.entry.topic == self.intent
                                                    or unsure or knowledge.linked):
            # "en als ik ziek word wie betaalt dan" read as the chat's cost at 0.33: the
            # knowledge base's sick-pay answer is the better reading (round 4, p15).
            self.say_knowledge(knowledge.entry)
            if knowledge.entry.topic != self.intent:
                self.after_answer()
                return
        else:
            self.say(SERVICE_ANSWERS[self.intent], repeatable=True)
        self.resume()

    def resume(self) -> None:
        """After an aside, return to the open question, without repeating a block."""
        if self.pending == "deepen" and self.get("last_topic"):
            return  # the deepening question still stands; asking it again is a repeat
        if self.pending == "offer" and self.may_offer():
            return

    def menu_answer(self) -> bool:
        """The answer to one of our own options ("uitleg uitkering" after "... ander werk,
        uitleg over je uitkering, of even iemand die meedenkt?"; round 5, p18)."""
        if self.pending != "deepen":
            return False
        own = self.turn.knowledge
        if own is not None and own.entry.id not in [e for _, _, e in MENU_ANSWERS]:
            # "wat gebeurt er als de ww op is" asks its own question; the word "ww" does not
            # make it the option "uitleg over je uitkering" (round 16, p63 got the WW rules).
            return False
        for topic, words, entry_id in MENU_ANSWERS:
            if topic == "unemployed" and not self.said_recently("utter_deepen_unemployed_known"):
                # Only after the menu that offers "uitleg over je uitkering": "Twee maanden
                # nu. Ik zit in de WW" answers "Sinds wanneer?" and got the WW's conditions
                # (round 22, p99 has had the WW for two months).
                continue
            if self.get("last_topic") == topic and re.search(words, self.turn.text, re.I):
                entry = entry_by_id(entry_id)
                if entry is not None:
                    self.say_knowledge(entry)
                    self.after_answer()
                    return True
        return False

    def miss(self, misses: int) -> None:
        knowledge = self.turn.knowledge
        if self.menu_answer():
            return
        if self.pending == "deepen" and self.intent == "nlu_fallback" and not knowledge \
                and self.get("last_topic") and not self.turn.is_question:
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
        if INCOME_WORRY.search(self.turn.text) and self.intent in MISS_INTENTS and \
                self.turn.crisis_level is None:
            # "geen ww?? ik heb een hypotheek met mn vriendin" is about his work and income,
            # not "buiten wat ik weet" (round 19c, p84, told just before that resigning costs
            # the WW).
            self.say("utter_income_worry", repeatable=True)
            if "zelf_ontslag_ww" in (self.get("knowledge_given") or []):
                self.say("utter_income_worry_resigning", repeatable=True)
            self.set(misses=0)
            heard = list(self.get("heard_once") or [])
            if self.pending == "offer" and self.may_offer():
                if "utter_offer_still_open" not in heard:
                    self.say("utter_offer_still_open", repeatable=True)
                    self.set(heard_once=[*heard, "utter_offer_still_open"])
                return
            self.offer_or_close()
            return
        if LITTLE_DUTCH.search(self.turn.text) and not self.turn.is_question and \
                self.intent in MISS_INTENTS and len(self.turn.text.split()) <= 8:
            # "sorry my dutch is bad": no menu of topics, but room (round 18, p78).
            self.say("utter_little_dutch_ok", repeatable=True)
            return
        guesses = [t for t in self.turn.ranking if t in CAREER_TOPICS
                   and t not in self.topics() and t not in self.denied_topics()][:2]
        if self.intent == "nlu_fallback" and guesses and len(self.turn.text.split()) >= 4 \
                and self.unsure_of(guesses[0]) and not self.turn.is_question:
            # "het is allemaal zo onzeker nu": a guess to choose from beats "snap ik niet".
            self.ask_topic_choice(guesses[0], guesses)
            return
        if self.intent == "other_language":
            if self.said_recently("utter_english") or "utter_english" in (
                    self.get("heard_once") or []):
                self.say("utter_english_again", repeatable=True)
            else:
                self.say("utter_english", repeatable=True)
                self.set(heard_once=[*(self.get("heard_once") or []), "utter_english"])
            # "i work for uitzendbureau … no work after christmas": what the Dutch words in it
            # say is kept and said back, so it need not be told again (round 18, p78).
            named = [t for t in self.turn.topics if t in CAREER_TOPICS
                     and t not in self.denied_topics()]
            if named:
                self.note_topic(named[0], self.topics())
                self.say("utter_english_topic", repeatable=True, topic=LABELS[named[0]])
            return
        if LIVES_IN_BELGIUM.search(self.turn.text) and not self.turn.is_question:
            self.say("utter_noted_belgium", repeatable=True)
            return
        if self.intent == "bad_input" and SILENCE.fullmatch(self.turn.text):
            # "..." after "sorry dat ik zo zeur" is someone searching for words, not a typing
            # error: room, not "Dat kon ik niet goed lezen" (round 13d, p54).
            self.say("utter_take_your_time", repeatable=True)
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

    def simpler(self) -> None:
        """"Kan u makkelijk zeggen?": the last answer in easier words, or a plain offer."""
        if not ASKS_SHORTER.search(self.turn.text):
            self.set(plain_language=True)
        recent = list(self.get("knowledge_recent") or [])
        entry = self.turn.knowledge.entry if self.turn.knowledge else None
        given = list(self.get("knowledge_given") or [])
        if entry is None and given and (self.intent in MISS_INTENTS
                                        or ASKS_EASIER.search(self.turn.text)):
            # "room answer difficult for me. simple please: …?": the last answer, in easier
            # words (round 18b, p78 got "Daar heb ik geen goed antwoord op").
            entry = entry_by_id(given[-1])
            recent = [*recent, given[-1]]
        if entry is not None and (entry.id in recent or self.turn.is_question):
            # "wat is transitievergoeding. makkelijk woord pls": the answer itself, easy.
            self.say_text([self.plain(entry)] if entry.simple else self.answer_lines(entry))
            self.set(knowledge_recent=[entry.id])
            return
        if "utter_simpler" in self.recent and self.may_offer():
            # Asked twice: a person explains better than a bot (round 4, p18).
            self.say("utter_simpler_person", repeatable=True)
            self.set(pending="offer")
            return
        self.say("utter_simpler", repeatable=True)

    def _message_topics(self) -> list[str]:
        topics = [t for t in self.turn.topics if t in CAREER_TOPICS]
        if self.intent in CAREER_TOPICS and self.intent not in topics:
            topics.insert(0, self.intent)
        denied = self.denied_topics() | set(self.get("denied_topics") or [])
        age = self.get("age")
        young = bool(age and str(age).isdigit() and int(age) < 45)
        if (young or "unemployed" in self.topics()) and \
                not re.search(TOPIC_WORDS["retirement"], self.turn.text.lower()):
            # A 27-year-old's "6 jaar werkervaring" is no pension, nor is "wie neemt mij
            # nog aan?" from a man of 60 without work (round 11, p42).
            denied.add("retirement")
        if (DEBTS.search(self.turn.text) or LIVING_COSTS.search(self.turn.text)) and \
                not TRAINING_MONEY.search(self.turn.text):
            # Debts and rent are no money for a training (round 13, p54; round 15b, p62's
            # card said "geld voor een opleiding" after "geen geld voor de huur").
            denied.add("funding")
        if TEACH_OTHERS.search(self.turn.text):
            # "jongens iets leren. ik had altijd leerlingen onder me": teaching others is a new
            # direction, not a course for himself (round 16b, p69 got "Leuk dat je wilt
            # bijleren!").
            denied.add("training")
            if "career_change" not in topics and "career_change" not in denied:
                topics.append("career_change")
        permanent = "vast" in (self.turn.entity("contract_type"), self.get("contract_type"))
        if permanent and not re.search(TOPIC_WORDS["flex_contract"], self.turn.text.lower()):
            denied.add("flex_contract")  # "vast contract" is no flex work
        if topics and topics[0] != "flex_contract" and AGENCY_ONLY.search(self.turn.text) and \
                not FLEX_CONCERN.search(self.turn.text):
            # "ik werk in magazijn via uitzendbureau. ik wil elektricien worden" says where
            # he works, not that the contract is his question (round 19c, p83 heard "Je
            # noemt ook een flexcontract" and his card said so).
            denied.add("flex_contract")
        if "career_change" in topics and STAY_IN_FIELD.search(self.turn.text):
            # "ik wil ook in de zorg blijven … wat kan ik dan nog met mijn diploma": other work
            # in the same field is the work done differently, not "Iets heel anders gaan doen"
            # (round 26, p126).
            topics = ["job_crafting" if t == "career_change" else t for t in topics]
        return list(dict.fromkeys(t for t in topics if t not in denied))

    def topic_turn(self, topics: list[str], from_check: bool = False) -> None:
        if not topics:
            self.answer_in_context()
            return
        if self.get("safety_flag") and not self.get("checked_in_after_crisis"):
            # Career talk after a crisis statement starts with the person (round 6, p33).
            self.say("utter_after_crisis_checkin", repeatable=True)
            self.set(checked_in_after_crisis=True)
        main = topics[0]
        known = self.topics()
        knowledge = self.turn.knowledge
        if knowledge and (self.turn.is_question or knowledge.score >= STATEMENT_ANSWER
                          or knowledge.linked):
            # A question, or a statement that is close to one ("niemand belt terug na
            # mijn sollicitaties"): the answer, not the topic's general text.
            self.say_knowledge(knowledge.entry)
            self.note_topic(self.answered_topic(knowledge.entry.topic, main), known)
            self.after_answer()
            return
        last = self.get("last_topic")
        if main not in known and last in known and self.turn.is_question and \
                ADVICE_QUESTION.search(self.turn.text) and len(self.turn.text.split()) <= 12 \
                and not re.search(TOPIC_WORDS.get(main, "$^"), self.turn.text.lower()):
            # "maar wat moet ik nou doen" asks about what we talk about, not a new topic the
            # classifier guesses from so few words (round 16, p68 got the stuck opener).
            if self.has_advice_left(last):
                self.followup(last)
            else:
                # Every step for it given: said honestly, not a new topic's opener (round
                # 16d: p68's steps came earlier, after her no to the direct question).
                self.say("utter_no_more_steps", repeatable=True)
                self.offer_or_close(when=last in OFFER_TOPICS)
            return
        if main == "stuck" and main in known and DONT_KNOW_WANT.search(self.turn.text) and \
                not self.turn.knowledge and not self.get("asked_what_you_like"):
            # "ik weet echt nie wat ik wil eigenlijk": one open question about what they like,
            # before any homework (round 26, p130 got the energy diary and the offer again).
            self.note_topic(main, known)
            self.say("utter_ask_what_you_like")
            self.set(asked_what_you_like=True, pending="deepen")
            return
        if main in known:
            more = self.has_advice_left(main)
            doubt = main in SOFT_TOPICS and not FACT_QUESTION.search(self.turn.text)
            if self.turn.is_question and (ADVICE_QUESTION.search(self.turn.text) or doubt) \
                    and more:
                self.followup(main)
                return
            if self.turn.is_question:
                self.no_answer()
                return
            self.followup(main)
            return
        if self.turn.is_question and getattr(self, "dutch_rule_dropped", False):
            self.no_answer()  # only a Dutch rule for this question (round 10, p39)
            self.note_topic(main, known)
            return
        if self.turn.is_question and self.get("sick_leave") and main in (
                "training", "funding", "career_change", "career_growth", "job_search"):
            # "Mag ik een cursus volgen terwijl ik ziek thuis zit?" has no cheerful "Leuk dat
            # je wilt bijleren!" for an answer (round 13, p50): honestly, we do not know.
            self.no_answer()
            self.note_topic(main, known)
            return
        if FACT_QUESTION.search(self.turn.text) and not self.turn.is_button and \
                self.turn.confidence < TOPIC_SURE:
            # A question the classifier is unsure of and we have no answer for: an honest
            # "I don't know" beats a wrong block or a menu of two wrong topics ("7 nachten
            # achter elkaar?" got pension texts, "wat is de bijstand?" a pension menu;
            # round 10, p43 and p42).
            self.no_answer()
            return
        if not from_check and self.unsure_of(main):
            last = self.get("last_topic")
            if self.pending == "deepen" and last and not self.turn.is_question and \
                    self.turn.confidence < 0.4 and len(self.turn.text.split()) >= 6 and \
                    not re.search(r"\book\b", self.turn.text, re.I):  # "… ook": a new topic
                # "dat ik van die gebroken diensten af kom en misschien een andere functie
                # krijg" answers "Wat wil je uit het gesprek halen?": the answer, not a menu of
                # two new topics (round 18, p77 got "een baan die op de tocht staat").
                self.followup(last)
                return
            self.ask_topic_choice(main, topics)
            return
        if main != "job_insecurity" and FEAR_OF_DISMISSAL.search(self.turn.text):
            self.say("utter_fear_of_dismissal")
        self.say(f"utter_topic_{main}")
        for extra in self.topic_extras(main):
            self.say(extra)
        # Joy at work is no second problem to come back to ("Ik werk nog" beside back pain
        # got "Je noemt ook plezier in je werk"; round 12, p47).
        second = next((t for t in topics[1:]
                       if t != main and t not in known and t != "enjoy_work"), None)
        if second:
            self.say("utter_second_topic", repeatable=True, topic=topic_label(second))
        self.note_topic(main, known, second)
        self.say(self.deepen_response(main))
        self.set(pending="deepen")

    def answered_topic(self, entry_topic: str, guessed: str) -> str:
        """The topic of the answer given beats the classifier's guess for the same message:
        "opmerkingen over mijn lichaam" answered as harassment is not burn-out (round 9,
        p27: the summary said "gezondheid speelt mee")."""
        denied = self.denied_topics() | set(self.get("denied_topics") or [])
        if entry_topic in CAREER_TOPICS and entry_topic not in denied:
            return entry_topic
        return guessed

    def unsure_of(self, topic: str) -> bool:
        """A new topic the classifier is not sure of: a wrong topic block costs more
        than one question (about 1 in 3 right below this confidence on real messages,
        docs/decisions.md)."""
        # "vorige maand ontslagen na 31 jaar" names its topic in so many words: no menu of
        # two (round 16b, p69 got "overstappen of een gesprek met je leidinggevende?").
        named = topic in NAMED_FOR_SURE and re.search(NAMED_FOR_SURE[topic], self.turn.text, re.I)
        if self.said_recently("utter_topic_choice_other"):
            return False  # asked to say it in their own words, they did: no menu again (18b)
        return (self.turn.confidence < TOPIC_SURE and not self.turn.is_button and not named
                and int(self.get("topic_checks") or 0) < MAX_TOPIC_CHECKS)

    def ask_topic_choice(self, main: str, topics: list[str]) -> None:
        denied = self.denied_topics() | set(self.get("denied_topics") or [])
        known = self.topics()
        candidates = [t for t in [*topics, *self.turn.ranking]
                      if t in CAREER_TOPICS and t not in denied and t not in known]
        second = next((t for t in candidates if t != main), None)
        values = {"first": main, "first_label": topic_label(main),
                  "first_button": BUTTON_LABELS[main]}
        if second:
            values.update(second=second, second_label=topic_label(second),
                          second_button=BUTTON_LABELS[second])
            self.say("utter_topic_choice_two", repeatable=True, **values)
        else:
            self.say("utter_topic_choice_one", repeatable=True, **values)
        self.set(pending="topic_choice", topic_choices=[t for t in (main, second) if t],
                 topic_checks=int(self.get("topic_checks") or 0) + 1)

    def answer_topic_choice(self, picked: Picked) -> None:
        choices = list(self.get("topic_choices") or [])
        self.set(pending=None, topic_choices=None)
        if self.turn.is_question and not self.turn.is_button:
            first = re.search(r"[,.;:!?]", self.turn.text)
            named = self._choice_named_first(choices)
            if named and first and first[0] != "?":
                # "Doorgroeien ja, dat was het plan. … kan ik hier iets mee?" picks first, then
                # asks (round 26, p131 lost "doorgroeien" to the question).
                self.topic_turn([named], from_check=True)
                return
            # "Wat is de bijstand precies?" after the menu is a new question, not a pick
            # (round 10, p42 got pension texts for it).
            self.free_turn(picked)
            return
        if self.intent == "affirm" and len(choices) == 1 and not self.turn.is_question:
            self.topic_turn(choices, from_check=True)
            return
        other = SOMETHING_ELSE.match(self.turn.text)
        if other and len(self.turn.text[other.end():].split()) >= 3:
            # "nee geen van beide. nieuwe manager maakt me gewoon af": neither option, and the
            # rest says what it is (round 20b, p84 was read as both).
            self.free_turn(picked)
            return
        if (self.intent in ("not_what_i_meant", "deny") and len(self.turn.text.split()) <= 4) \
                or other:
            # "iets anders", typed as our own button says it, is that button (round 13c, p54
            # got the career-change text: "Iets heel anders gaan doen ...").
            self.say("utter_topic_choice_other", repeatable=True)
            return
        if BOTH_OPTIONS.search(self.turn.text) and len(choices) == 2 and \
                not self.turn.is_button:
            # "idk beetje allebei wsl. ... nu vul ik vakken bij de appie 16 uur": both, in our
            # order, without a job loss for who says he works (round 17, p73 was asked since
            # when he had been out of work).
            working = bool(WORKING_NOW.search(self.turn.text))
            picks = [c for c in choices if c not in self.denied_topics()
                     and not (working and c in ("unemployed", "job_search"))]
            if picks:
                self.topic_turn(picks, from_check=True)
                return
        named = self._choice_named_first(choices)
        if named:
            # "ander werk ja want ... ik ben niet ziek hoor": the option named first is the
            # pick, whatever the reasons after it (round 18, p77 was asked what it was about).
            self.topic_turn([named], from_check=True)
            return
        if self.intent in CAREER_TOPICS:
            # A button, or their own words: either way this is what it is about. A topic
            # they deny in the same breath ("ik ben niet ontslagen") is not it (round 5).
            topics = self._message_topics()
            if topics or self.turn.is_button:
                self.topic_turn(topics or [self.intent], from_check=True)
            else:
                self.say("utter_topic_choice_other", repeatable=True)
            return
        self.free_turn(picked)

    def _choice_named_first(self, choices: list[str]) -> str | None:
        """The one offered option whose words open the answer ("ander werk ja want ...")."""
        if self.turn.is_button:
            return None
        opening = re.split(r"[,.;:!?]|\s(?:want|maar|omdat|dus)\s", self.turn.text.lower())[0]
        # The option in the first words: "ander werk denk ik ik ben niet ziek hoor" (round 18b).
        opening = " ".join(opening.split()[:3])
        if re.search(r"\b(niet|nie|geen|gene)\b", opening):
            return None
        words = {**TOPIC_WORDS, "career_change": TOPIC_WORDS["career_change"] + r"|ander\s+werk"}
        # "nee pensioen is nog ver weg" names the option to say it is not it (round 21, p91).
        denied = self.denied_topics()
        named = [c for c in choices if c in words and c not in denied
                 and re.search(rf"\b({words[c]})\b", opening)]
        return named[0] if len(named) == 1 else None

    def deepen_response(self, topic: str) -> str:
        needed, known_version = DEEPEN_WHEN_KNOWN.get(topic, ((), ""))
        if needed and all(self.get(name) for name in needed):
            return known_version
        if topic == "flex_contract" and self.get("contract_type") and not self.get("deadline"):
            # "via een uitzendbureau" said: only the end is still unknown (round 25, p121 was
            # asked "Wat voor contract heb je" twice).
            return "utter_deepen_flex_contract_end"
        if topic == "unemployed" and (self.get("since_known") or SINCE_WHEN.search(self.turn.text)):
            # "vorige maand ontslagen na 31 jaar" answers "Sinds wanneer zit je zonder werk?"
            # already (round 16, p69 was asked it).
            return known_version
        return f"utter_deepen_{topic}"

    def note_topic(self, main: str, known: list[str], second: str | None = None) -> None:
        topics = known + [t for t in (main, second) if t and t not in known]
        self.set(topics=topics, last_topic=main,
                 primary_topic=self.get("primary_topic") or main)

    def topic_extras(self, topic: str) -> list[str]:
        flemish = self.turn.flemish
        return {
            "workload_health": ["utter_health_referral"]
            if HEALTH_COMPLAINT.search(self.turn.text) else [],
            "conflict_at_work": ["utter_conflict_referral"],
            "funding": ["utter_topic_funding_flanders" if flemish else "utter_stap_ended"],
        }.get(topic, [])

    def after_answer(self) -> None:
        """After a knowledge answer: an offer where it fits, else an open door. A side
        question while the offer is open keeps it open, said again in one short line, once:
        "moet ik me ziek melden dan?" right after the offer dropped it, and her "ja dat wil ik
        wel" two turns on got "Waar kan ik je nog mee helpen?" (round 18c, p68)."""
        if self.pending == "offer" and self.may_offer():
            heard = list(self.get("heard_once") or [])
            if "utter_offer_still_open" not in heard:
                self.say("utter_offer_still_open", repeatable=True)
                self.set(heard_once=[*heard, "utter_offer_still_open"])
                return
        self.offer_or_close("utter_more_questions", when=self.get("last_topic") in OFFER_TOPICS
                            and self.pending != "offer")

    def has_advice_left(self, topic: str) -> bool:
        """A first tip for the topic not given yet, or a next step after it."""
        given = self.get("selfhelp_given") or []
        return topic not in given or any(step not in given for step in NEXT_STEPS.get(topic, ()))

    def advice_topic(self) -> str | None:
        """"Waar moet ik eigenlijk mee beginnen?" read as small talk or a question about the
        bot: a request for the next step in the topic we talk about (round 15, p66 got the
        list of what the bot can do)."""
        text = self.turn.text
        if not self.turn.is_question or self.turn.knowledge or \
                self.intent not in ("nlu_fallback", "ask_capabilities", "out_of_scope"):
            return None
        advice = bool(ADVICE_QUESTION.search(text))
        # "ik heb echt het gevoel dat ik de verkeerde keuze heb gemaakt?? ... ik word er leeg
        # van" answers our question; it asks none of us (round 15b, p66).
        doubt = self.intent == "nlu_fallback" and len(text.split()) >= 8 and \
            not FACT_QUESTION.search(text) and not YOUR_CHOICE.search(text)
        if not (advice or doubt):
            return None
        denied = set(self.get("denied_topics") or [])
        return next((t for t in self.topics() if t in CAREER_TOPICS and t not in denied
                     and self.has_advice_left(t) and (advice or t in SOFT_TOPICS)), None)

    def out_of_advice(self) -> bool:
        """An advice question about the topic we talk about, with no tip left for it."""
        if not self.turn.is_question or self.turn.knowledge or \
                self.intent not in ("nlu_fallback", "ask_capabilities", "out_of_scope") or \
                not ADVICE_QUESTION.search(self.turn.text):
            return False
        return any(t in CAREER_TOPICS and not self.has_advice_left(t) for t in self.topics())

    def followup(self, topic: str) -> None:
        if self.menu_answer():
            return
        if TOO_MUCH_WORK.search(self.turn.text) and self.turn.crisis_level is None:
            self.say("utter_too_much_awake_heard" if SLEEPS_BADLY.search(self.turn.text)
                     else "utter_too_much_heard")
        elif WEARY.search(self.turn.text) and self.turn.crisis_level is None:
            self.say("utter_weary_heard", repeatable=True)
        given = list(self.get("selfhelp_given") or [])
        skip_flex = topic == "flex_contract" and self.get("contract_type") == "vast"
        if topic not in given and not skip_flex:
            self.say(f"utter_selfhelp_{topic}")
            self.set(selfhelp_given=[*given, topic])
        elif any(step not in given for step in NEXT_STEPS.get(topic, ())):
            step = next(step for step in NEXT_STEPS[topic] if step not in given)
            self.say(step)
            self.set(selfhelp_given=[*given, step])
        elif not any(say.response == "utter_discouraged_heard" for say in self.out.says):
            self.say("utter_heard")
        self.offer_or_close(when=topic in OFFER_TOPICS)

    def no_answer(self) -> None:
        """An honest "I don't know", never an answer that only looks like one; the second
        time shorter, not the same block again (round 14: p56 and p59 read it four and three
        times)."""
        if YOUR_CHOICE.search(self.turn.text) and "utter_your_choice" not in self.recent:
            self.say("utter_your_choice", repeatable=True)  # her choice, not our knowledge
            return
        count = int(self.get("no_answers") or 0)
        self.set(no_answers=count + 1)
        if count:
            # Once the consultant is declined, "een consulent kan het uitzoeken" is pushing
            # (round 14b, p58 read it after "geen consulent, alleen ideeën").
            self.say("utter_no_answer_again" if self.may_offer() or self.has_ticket() else
                     "utter_no_answer_again_declined", repeatable=True)
        else:
            self.say("utter_no_answer" if self.may_offer() else "utter_no_answer_declined",
                     repeatable=True)
        if self.may_offer() and self.pending != "offer" and not self.first_message():
            self.say("utter_offer_consultant")
            self.set(pending="offer")

    def first_message(self) -> bool:
        """The person's first message, answered with the introduction: an offer of a
        consultant right under a first "I don't know" reads as sales (round 14, p58), and
        that text already says a consultant can help. (After a real answer the offer stays:
        people take it with "ja graag", and the e2e and browser tests walk that way.)"""
        return any(s.response == "utter_disclosure" for s in self.out.says)

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
        if not self.may_offer() or CALL_ME.search(self.turn.text):
            # "nee... laat maar. misschien wel dat iemand me belt. ik ben mirjam 06-…" after
            # an earlier no (round 13c, p54): the number was noted and nothing followed, twice.
            # A number given with a wish to be called is that wish: the consent question.
            self.start_handover(picked)
            return
        self.apply_picked(picked, announce=True)
        self.say("utter_offer_with_contact", repeatable=True)
        self.set(pending="offer")

    @staticmethod
    def changes_text(changes: dict[str, str]) -> str:
        names = {"phone": "nummer", "email": "e-mailadres", "name": "naam",
                 "preferred_channel": "manier van contact"}
        # The person reads this: "manier van contact: bellen", never "phone" (round 7, p32).
        channels = {"phone": "bellen", "whatsapp": "WhatsApp", "email": "e-mail",
                    "chat": "hier in de chat"}
        return ", ".join(
            f"{names.get(k, k)}: {channels.get(v, v) if k == 'preferred_channel' else v}"
            for k, v in changes.items())

    def manage_request(self, picked: Picked) -> None:
        if not self.has_ticket():
            self.say("utter_no_request_yet", repeatable=True)
            # It asks "Wil je er een doen?": a yes to it starts one, also after an earlier
            # no (round 17, p73's "ja" got "Waar kan ik je nog mee helpen?").
            self.set(pending="offer")
            return
        if WITHDRAW.search(self.turn.text) and not picked.anything() and \
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
