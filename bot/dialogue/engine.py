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
from datetime import date
from typing import Any

from bot.dialogue.card_question import own_question
from bot.dialogue.confirmations import Confirmations
from bot.dialogue.corrections import says_out_of_work
from bot.dialogue.follow_up import FollowUpTurns
from bot.dialogue.form import LEAVE_OUT, HandoverForm
from bot.dialogue.languages import best_language
from bot.dialogue.patterns import (
    AGE_ANSWER,
    AGE_DOUBT,
    AGENCY_NOW,
    AGENCY_SAID,
    AGENCY_WISH,
    ALREADY_RETIRED,
    AM_I_CRAZY,
    APOLOGY,
    ASK_TO_TALK,
    ASKING_BEFORE,
    ASKS_EASIER,
    ASKS_SHORTER,
    BACK_TO_WORK,
    BOSS_IS_KIND,
    BOT_QUESTION,
    CAN_THAT,
    CARES_FOR_FAMILY,
    CHANNEL_ASKED,
    CONFIRM_STEPS,
    CONSULTANT_CAN_HELP,
    CONSULTANT_ENGLISH,
    CONSULTANT_OTHER,
    CONSULTANT_WISH,
    CONTRACT_WISHED,
    COSTS_OF_A_THING,
    COUNTS_HERE,
    CRIES,
    DATA_ASKED,
    DEADLINE_PHRASE,
    DELETE_WORDS,
    DENIAL,
    DENIAL_AFTER,
    DISCOURAGED,
    EMPLOYER_SECRET,
    ENGLISH_REQUEST,
    ENGLISH_WISH,
    ENJOY_DOUBT,
    ERASED_QUESTION,
    EVERYONE_BUSY,
    EXPLICIT_DELETE,
    FAREWELL_ONLY,
    FIXED_TERM,
    FORM_STEPS,
    GOODBYE_ANY,
    GOODBYE_END,
    GOODBYE_WORDS,
    GROWTH_WORDS,
    HAS_PERMIT,
    HAS_WORK,
    HEALTH_COMPLAINT,
    HEALTH_OUT,
    HEALTH_WORDS,
    HELP_FROM_YOU,
    HYPOTHETICAL_BEFORE,
    JOB_GONE,
    JUDGED_FEAR,
    KEPT_HOW_LONG,
    LITTLE_DUTCH,
    LIVES_IN_BELGIUM,
    LIVING_COSTS,
    LONG_STORY_WORDS,
    MAX_CHECK_QUESTIONS,
    MEANT,
    MISS_INTENTS,
    NO_CONSULTANT,
    NO_DISMISSAL,
    NO_FUSS,
    NO_STRENGTH,
    NO_WORK_VERSIONS,
    NOT_A_CHILD,
    NOT_A_QUESTION,
    NOT_FOR_RETIRED,
    NOT_GOING_WELL,
    NOT_HELPED,
    NOT_SICK,
    NOT_UNTIL_RETIREMENT,
    OFFER_NO,
    OTHERS_OPINION,
    OTHERS_PLACE,
    OTHERS_SAY_NO,
    OVERLOAD_WORDS,
    PART_TIME_WORRY,
    PASS_ON,
    PAUSE,
    PAYS,
    PENSION_NOT_YET,
    PERMANENT,
    PLACE_CONTRAST,
    POINTS_BACK,
    PRIVACY_QUESTION,
    QUESTION_SENTENCE,
    RECRUITMENT,
    RESIDENCE,
    RESIGN_SOON,
    RESUME,
    RIGHT_PLACE,
    SCHOOL_WORK,
    SECRET_WISH,
    SECTOR_DENIED,
    SECTOR_OF_OTHERS,
    SECTOR_WISH,
    SELF_SOLVE,
    SEND_WORDS,
    SERVICE_COST,
    SHRUG,
    SICK_LEAVE,
    SIMPLER,
    SINCE_WHEN,
    SLEEPS_BADLY,
    SOFA,
    STORED_QUESTION,
    STUCK_WORDS,
    TAG_QUESTION,
    THANKS_WORDS,
    TOPIC_SURE,
    TOPIC_WORDS,
    UNDERSTOOD,
    URGENT,
    VIOLENCE,
    WONT_RESIGN,
    WORKLOAD_WORDS,
    WORKS_IN_NL,
    WORN_OUT,
    YES,
    YES_THEN_MORE,
    topic_label,
    wanted_job,
    words_to_explain,
)
from bot.dialogue.pickup import Picked, pick_up
from bot.dialogue.safety import SafetyTurns
from bot.dialogue.talk import FreeTalk
from bot.dialogue.turn import Outcome, Say, Turn, sentence_around
from bot.handover.dates_nl import parse_deadline
from bot.handover.deadline_about import deadline_about
from bot.handover.topics import CAREER_TOPICS
from bot.knowledge.entries import entry_by_id
from bot.knowledge.in_conversation import FEWER_HOURS_ANSWERS
from bot.knowledge.retriever import Match
from bot.knowledge.tailor import (
    AGENCY_VERSIONS,
    NOT_SICK_VERSIONS,
    RETIRED_VERSIONS,
    SICK_VERSIONS,
    SICK_WORDS,
)
from bot.nlu.crisis import rule_level

# Topics of an answer that still fits beside the IND line: losing the job itself.
WORK_LOSS = frozenset({"unemployed", "job_insecurity", "flex_contract"})
# Topics whose answers assume who the person is (a flex worker, near retirement).
STATUS_TOPICS = frozenset({"flex_contract", "retirement"})
# Questions about this service (price, privacy, who we are): not the person's case.
SERVICE_INTENTS = frozenset({"ask_cost", "ask_privacy", "ask_how_it_works", "ask_capabilities",
                             "bot_challenge", "manage_request", "delete_my_data"})
# Responses that end a turn with a question (often with buttons): an unasked answer goes
# before them.
CLOSING_QUESTION = re.compile(r"utter_(offer_consultant|deepen_\w+|anything_else|more_questions|"
                              r"ask_\w+|topic_choice_\w+)$")


# Tips that read as a brush-off to someone who says applying is pointless (round 15c, p63).
JOB_SEARCH_TIPS = ("utter_topic_job_search", "utter_selfhelp_job_search")
# "wat moet een man van 58 nog" asks for no fact: no "Dat weet ik niet zeker" after it
# (round 16, p69).
NO_ANSWERS = ("utter_no_answer", "utter_no_answer_again", "utter_no_answer_declined",
              "utter_no_answer_again_declined")


class Conversation(SafetyTurns, Confirmations, FollowUpTurns, HandoverForm, FreeTalk):
    """One turn: reads slots and the message, writes an Outcome."""

    def decide(self) -> Outcome:
        turn = self.turn
        was_pending = self.pending
        if turn.mentioned and not self.fits_region(turn.mentioned.region):
            turn.mentioned = None  # a Dutch rule is not offered unasked in Flanders (round 6)
        if turn.knowledge is None and turn.mentioned and turn.is_question:
            # "kan ik hem aanklagen?": the entry's own words name the question.
            turn.knowledge = Match(turn.mentioned, 1.0)
        if turn.intent != "goodbye" and not turn.is_question and (
                (GOODBYE_WORDS.match(turn.text) and len(turn.text.split()) <= 3)
                or GOODBYE_END.search(turn.text)):
            turn.intent = "goodbye"  # "doei", "top, thanks! doei 👋" as people type them
        if turn.intent in ("inform", "nlu_fallback", "out_of_scope") and \
                self.pending in (None, "deepen", "topic_choice", "opening", "offer") and \
                len(turn.text.split()) <= 4 and turn.crisis_level is None:
            # "gezondheid", "gezondheid. haar rug": a topic in a word or two, as our own
            # menu asks for it ("je contract, je gezondheid, ..."; round 12, p47).
            named = self._topics_named(("career_test",))
            if len(named) == 1:
                turn.intent, turn.confidence, turn.topics = named[0], 0.9, named
        if turn.intent in MISS_INTENTS and turn.knowledge is None and \
                turn.crisis_level is None and len(turn.text.split()) >= LONG_STORY_WORDS and \
                self.pending in (None, "deepen", "topic_choice", "opening"):
            # A long story the classifier cannot place still names what it is about: "mijn rug
            # wil niet meer ... iets lichters" got "Daar heb ik geen goed antwoord op" (round
            # 25, p126). One topic is taken; two are asked about.
            named = self._topics_named(("career_test", "hr_conversation"))
            if HEALTH_COMPLAINT.search(turn.text) and "workload_health" not in named:
                named.insert(0, "workload_health")
            if named:
                turn.intent, turn.topics = named[0], named[:2]
                turn.confidence = TOPIC_SURE if len(named) == 1 else TOPIC_SURE / 2
        if wanted_job(turn.text) and (
                ("career_change" in turn.topics and turn.intent in (
                    "career_growth", "nlu_fallback", "inform", "out_of_scope"))
                or (not turn.topics and turn.intent in ("training", "career_growth")
                    and turn.confidence < TOPIC_SURE)):
            # "ik ben verpleegkundige en ik wil als developer aan de slag" is a switch, not a
            # choice between a course and a switch (round 20b, p90).
            # "orderpicker ... ik wil worden elektricien" is another trade, no menu between
            # switching and growing (round 20b, p83).
            turn.intent, turn.confidence = "career_change", max(turn.confidence, TOPIC_SURE)
        if ENJOY_DOUBT.search(turn.text):
            # "mijn werk is niet leuk" is no joy at work, not even as a side topic (p47).
            turn.topics = [t for t in turn.topics if t != "enjoy_work"]
        if turn.intent == "enjoy_work" and ENJOY_DOUBT.search(turn.text):
            # "lekker dan. mijn baas wil gewoon van me af" is no joy (round 7, p36).
            # "elke dag overuren, collega's die uitvallen" is the load of the work (round 24c).
            turn.intent = "workload_health" if OVERLOAD_WORDS.search(turn.text) else \
                "stuck" if STUCK_WORDS.search(turn.text) else "nlu_fallback"
            turn.topics = [t for t in turn.topics if t != "enjoy_work"]
            if turn.intent in ("stuck", "workload_health") and turn.intent not in turn.topics:
                turn.topics = [turn.intent, *turn.topics]
        if turn.intent == "goodbye" and not (GOODBYE_ANY.search(turn.text)
                                             or GOODBYE_END.search(turn.text)):
            turn.intent = "nlu_fallback"  # "graag gedaan hoor. en nu?" is no goodbye
        if SELF_SOLVE.search(turn.text) and not turn.is_question and \
                self.pending not in FORM_STEPS and turn.crisis_level is None:
            turn.intent = "goodbye"  # "Laat maar. Bedankt, ik zoek het zelf wel uit." (p58)
        known = self.topics()
        if "unemployed" in known and turn.intent in ("stuck", "job_insecurity"):
            # Without a job, "ik weet niet wat ik moet doen" is about finding work, not
            # about joy at work or a job at risk (round 10, p38 and p42).
            turn.intent = "unemployed"
            turn.topics = ["unemployed" if t in ("stuck", "job_insecurity") else t
                           for t in turn.topics]
        if turn.intent in ("nlu_fallback", "out_of_scope", "affirm") and \
                NO_STRENGTH.search(turn.text) and turn.crisis_level is None:
            # "ja. ik kan echt niet meer zo...": worn out (round 10, p43, after a check).
            turn.intent, turn.confidence = "workload_health", 0.9
            if self.get("check_said_no") and not self.get("soft_reminder_given"):
                self.say("utter_crisis_soft", repeatable=True)
                self.set(soft_reminder_given=True)
        if WORKS_IN_NL.search(turn.text):
            self.set(works_in_nl=True)
        if ALREADY_RETIRED.search(turn.text):
            self.set(retired=True)
        if self.get("retired"):
            self.fit_to_retired(turn)
        if WORKLOAD_WORDS.search(turn.text) or turn.text == "/workload_health":
            self.set(workload_named=True)  # "werkdruk" on the card in their words only
        if turn.flemish and not self.get("works_in_nl") and turn.knowledge and \
                turn.knowledge.entry.region == "nl":
            # A Dutch rule is no answer in Flanders, not even with "in België kan het anders
            # zijn" (round 10, p39 got the transitievergoeding): the Belgian no-answer.
            turn.knowledge = None
            self.dutch_rule_dropped = True
        not_sick_version = turn.knowledge and NOT_SICK_VERSIONS.get(turn.knowledge.entry.id)
        if not_sick_version and not self.get("sick_leave") and not SICK_WORDS.search(turn.text):
            turn.knowledge = Match(entry_by_id(not_sick_version), turn.knowledge.score)
        sick_version = turn.knowledge and SICK_VERSIONS.get(turn.knowledge.entry.id)
        if sick_version and self.get("sick_leave") and not self.get("out_of_work"):
            turn.knowledge = Match(entry_by_id(sick_version), turn.knowledge.score)
        agency_version = turn.knowledge and AGENCY_VERSIONS.get(turn.knowledge.entry.id)
        if agency_version and self.get("contract_type") == "uitzend":
            turn.knowledge = Match(entry_by_id(agency_version), turn.knowledge.score)
        if turn.knowledge and turn.knowledge.entry.topic in self.denied_topics():
            turn.knowledge = None  # "pensioen?? ik ben 26" gets no pension answer (p43)
        if turn.intent == "manage_request" and not re.search(
                r"\b(aanvraag|verzoek|ticket|gegevens|nummer|e-?mail\w*|mail\w*|intrekken|bel\w*|"
                r"contact|consulent)\b",
                turn.text, re.I):
            # "Wanneer moet ik die bijstand aanvragen?" is no question about our request
            # (round 12, p42 got his ticket shown back).
            turn.intent = "nlu_fallback"
        if turn.intent == "manage_request" and not self.has_ticket() and not re.search(
                r"\b(aanvraag|verzoek|ticket|intrekken|wijzig\w*|verander\w*|klopt|status)\b",
                turn.text, re.I):
            # No request exists: "ok doe maar dan, die consulent. wel via whatsapp" asks for
            # one (round 17, p73 got "Ik zie hier geen aanvraag").
            turn.intent = "request_human"
        returner = "herintreden_na_jaren_thuis" in (self.get("knowledge_given") or []) or (
            turn.knowledge is not None and turn.knowledge.entry.id == "herintreden_na_jaren_thuis")
        if returner and (turn.intent == "unemployed" or "unemployed" in turn.topics):
            # Back to work after years at home: no job lost, no "als je baan stopt" and no
            # urgent ticket (round 18b, p81's ticket was "high", due the next day).
            turn.intent = "job_search" if turn.intent == "unemployed" else turn.intent
            turn.topics = ["job_search" if t == "unemployed" else t for t in turn.topics]
        if EVERYONE_BUSY.search(turn.text) and "workload_health" in self.topics() and \
                turn.intent == "conflict_at_work":
            # "mijn teamleider zegt iedereen heeft het druk": still her workload, no conflict
            # with legal advice (round 18b, p68's card said "een conflict op het werk").
            turn.intent = "workload_health"
            turn.topics = [t for t in turn.topics if t != "conflict_at_work"]
        if (turn.intent == "unemployed" or "unemployed" in turn.topics) and \
                "job_insecurity" in self.topics() and not JOB_GONE.search(turn.text) and \
                not says_out_of_work(turn.text) and not self.get("out_of_work"):
            # "ik ben er gewoon KLAAR mee. 14 jaar alles gegeven en nu dit" from a man whose job
            # is at risk is no job lost (round 21b, p94 was asked since when he had no work).
            turn.topics = list(dict.fromkeys(
                "job_insecurity" if t == "unemployed" else t for t in turn.topics))
            if turn.intent == "unemployed":
                turn.intent = "job_insecurity"
        if turn.intent == "career_growth" and turn.confidence < 0.8 and \
                not GROWTH_WORDS.search(turn.text) and \
                {"job_insecurity", "unemployed"} & set(self.topics()):
            # A job title beside a job at risk is no wish to grow: the story of the job at
            # risk goes on (round 21, p94).
            at_risk = "job_insecurity" if "job_insecurity" in self.topics() else "unemployed"
            turn.topics = [at_risk if t == "career_growth" else t for t in turn.topics]
            turn.intent = at_risk
        if BOSS_IS_KIND.search(turn.text) and not re.search(
                rf"\b({TOPIC_WORDS['conflict_at_work']})\b", turn.text.lower()):
            # "Mijn leidinggevende is wel aardig hoor" names no conflict (round 21, p95).
            turn.topics = [t for t in turn.topics if t != "conflict_at_work"]
            if turn.intent == "conflict_at_work":
                turn.intent = "inform"
        if turn.intent == "ask_privacy" and COUNTS_HERE.search(turn.text) and \
                not PRIVACY_QUESTION.search(turn.text):
            # "mijn werk in eritrea met oom, dat telt ook hier?" asks whether his experience
            # counts, not who reads this chat (round 20, p83 got the privacy text).
            turn.intent = "nlu_fallback"
        if turn.intent == "delete_my_data" and not DELETE_WORDS.search(turn.text):
            # "Nee. Ge moogt mij niet bellen." is no request to erase anything.
            turn.intent = "deny"
        if OTHERS_SAY_NO.search(turn.text) and turn.intent in (
                "deny", "not_what_i_meant", "affirm", "stop_form", "delete_my_data"):
            # "als mijn baas nee zegt tegen vaste uren wat dan": his no, not an answer to
            # our question (round 13, p49 got the consent explained again).
            turn.intent = "nlu_fallback"
        if turn.intent == "not_what_i_meant" and self.pending in ("summary", "summary_edit") \
                and SEND_WORDS.search(turn.text) and not turn.is_question:
            # "euh da was gene vraag. ja, verstuur": a protest at our misreading, and a send
            # (round 22d, p106 saw the card three times).
            turn.intent = "affirm"
        if turn.intent == "not_what_i_meant" and self.pending in FORM_STEPS and \
                re.search(r"@|\d[\d\s-]{7,}\d", turn.text):
            # "oeps verkeerd, is samira.b@example.nl" at the next step corrects the address;
            # it is no protest that we misread (round 20, p86's card kept the typo).
            turn.intent = "inform"
        if turn.intent == "not_what_i_meant" and turn.is_question and PAYS.search(turn.text) and \
                not COSTS_OF_A_THING.search(turn.text):
            # "dat vroeg ik niet. KOST HET GELD JA OF NEE" asks again; the question wins over
            # the protest (round 21b, p97 was told "Sorry, dan begreep ik je verkeerd").
            turn.intent = "ask_cost"
        if turn.intent == "not_what_i_meant" and (APOLOGY.search(turn.text)
                                                  or UNDERSTOOD.match(turn.text)):
            # "sorry dat ik zo zeur", "Dat begrijp ik.": no protest that we misread (p54, p50).
            turn.intent = "nlu_fallback"
        self._read_sick_leave()
        bot_aside = False
        if BOT_QUESTION.search(turn.text):
            others = [q for q in QUESTION_SENTENCE.findall(turn.text)
                      if not BOT_QUESTION.search(q) and len(q.split()) >= 3]
            answerable = turn.knowledge is not None or turn.intent not in (
                "bot_challenge", "nlu_fallback", "out_of_scope", "inform")
            if others and answerable:
                # "Kost een gesprek mij geld, ja of nee? En bent u een echte adviseur of een
                # chatbot?": both halves answered, the bot question after (round 13d, p53).
                bot_aside = True
            else:
                turn.intent = "bot_challenge"
        wish = CONSULTANT_WISH.search(turn.text)
        # "nee ... niet dit gesprek. maar laat maar, ik wil wel met zo'n consulent praten ja":
        # a "wel" after the no is the last word (round 22b, p101).
        said_wel = bool(wish and re.search(r"\bwel\b", wish.group(0), re.I))
        refused = NO_CONSULTANT.search(turn.text)
        if wish and not (refused and not (said_wel and refused.start() < wish.start())) and \
                turn.intent != "crisis" and (turn.intent != "deny" or said_wel):
            # "ik wil graag met een consulent praten" (round 4). Asked as a question of its own
            # ("… met zo'n consulent praat. Kan dat?") or after another question ("pensioen??
            # ik ben 47 man. laat maar iemand mij bellen dan"), it is a request too (round 16b,
            # p71, p72).
            said = sentence_around(turn.text, wish.start())
            last = re.split(r"(?<=[.!?])\s+", turn.text[wish.end():].strip())[-1]
            if not turn.is_question or "?" not in said or CAN_THAT.match(last) or \
                    HELP_FROM_YOU.search(said) or ASK_TO_TALK.search(said):
                turn.intent = "request_human"
        if CONSULTANT_CAN_HELP.search(turn.text) and not NO_CONSULTANT.search(turn.text) and \
                turn.intent not in ("crisis", "deny") and turn.crisis_level is None:
            turn.intent = "request_human"
        if ENGLISH_WISH.search(turn.text) and not NO_CONSULTANT.search(turn.text) and \
                turn.intent not in ("crisis", "deny"):
            turn.intent = "request_human"  # in English, the wish is the same (round 18, p78)
        if turn.intent == "ask_cost" and LIVING_COSTS.search(turn.text):
            # "nee. de huur. ik kan het niet betalen" is her rent, not our price (round 13c).
            turn.intent = "nlu_fallback"
        if turn.intent == "ask_cost" and turn.knowledge is None:
            self._cost_of_last_answer(turn)
        if turn.intent == "ask_cost" and COSTS_OF_A_THING.search(turn.text) and \
                not SERVICE_COST.search(turn.text):
            # "moet je lesgeld betalen als je 37 bent voor het mbo?" asks the price of a
            # school, not of this chat (round 22b, p101 heard "Deze chat is gratis").
            turn.intent = "nlu_fallback"
        if ENGLISH_REQUEST.search(turn.text):
            turn.intent = "other_language"  # "kan u engels?": the bilingual answer (round 4)
        if turn.intent == "thank" and FAREWELL_ONLY.match(turn.text):
            # "nou. nog een fijne dag dan" wishes a good day; it thanks for nothing (round 16c,
            # p63 heard "Graag gedaan!").
            turn.intent = "goodbye"
        if turn.intent == "thank" and (not THANKS_WORDS.search(turn.text) or re.search(
                r"\bmaar\b.{8,}", turn.text, re.I) or (
                turn.is_question and len(turn.text.split()) > 4)):
            # "Dank u … Kunt u langzaam uitleggen?" asks on (round 11, p40).
            # "ik durf niet meer 😢" is no thank-you, whatever the classifier says.
            turn.intent = "nlu_fallback"
        if NO_CONSULTANT.search(turn.text):
            self.set(offer_declined=True)
            if self.pending == "offer":
                self.set(pending=None)
        if turn.intent == "goodbye" and not self.get("disclosed"):
            turn.intent = "greet"  # a first "dag" is hello (Flemish), not goodbye
        first = not self.get("disclosed")
        crisis_first = first and (turn.crisis_level == "clear" or turn.intent == "crisis")
        if first:
            self.set(disclosed=True)
            # The greeting and the bot question say it themselves; a crisis answer comes
            # before anything else, the introduction after it.
            if self.intent not in ("greet", "bot_challenge") and not crisis_first:
                self.say("utter_disclosure")
        if EMPLOYER_SECRET.search(self.turn.text):
            self.set(employer_secret=True)
        self._channel_asked()
        picked = pick_up(self.turn.text, self.turn.flemish)
        if re.search(r"\b(113|112|1813)\b", self.turn.text):
            # "ik ga niet bellen met 113" is about 113, not about how we may reach them.
            picked.refused_channels = set()
        self._remember_profile()
        self.remember_situation()  # no work now, a language note (bot/dialogue/form.py)
        if NOT_A_CHILD.search(self.turn.text):
            # "alsof ik een kind van twaalf ben", "ik heb een master": normal words again
            # (round 23, p114 read "In makkelijke woorden" three turns after saying so), also
            # when the complaint quotes our "In makkelijke woorden" (round 26, p131).
            self.set(plain_language=None)
        elif LITTLE_DUTCH.search(self.turn.text) or (ASKS_EASIER.search(self.turn.text)
                                                      and not ASKS_SHORTER.search(self.turn.text)):
            # "sorry mijn nederlands niet goed": plain answers from now on, not only after
            # "kan simpel?" (round 20b, p83 read long answers after saying it).
            self.set(plain_language=True)
        # "werkgever? ik heb geen werkgever. lees je wel mee": after advice that assumed one.
        told_no_work = says_out_of_work(self.turn.text)
        if SINCE_WHEN.search(self.turn.text) and (self.get("out_of_work") or "unemployed" in (
                self.turn.intent, *self.turn.topics)):
            self.set(since_known=True)  # "vorige maand ontslagen": never "Sinds wanneer?"
        if URGENT.search(self.turn.text) or RESIGN_SOON.search(self.turn.text):
            self.set(urgent_request=True)
        soon = RESIGN_SOON.search(self.turn.text)
        day = soon and re.search(r"\b(morgen|overmorgen|vandaag)\b", soon[0], re.I)
        if day and not self.get("deadline"):
            # "ik neem morgen ontslag": the day is his deadline too, for the card and for the
            # promise (round 20, p84's ticket had none).
            self.set(deadline=day[0].lower(), deadline_about=deadline_about(self.turn.text))
        if VIOLENCE.search(self.turn.text) and not self.get("deescalated"):
            # Anger at a boss is heard, and the person is kept from harming themselves.
            self.say("utter_deescalate", repeatable=True)
            self.set(deescalated=True)
        self._drop_denied_topics()
        if told_no_work and self.turn.crisis_level is None and self.pending not in FORM_STEPS \
                and any(r in NO_WORK_VERSIONS for r in self.recent):
            self._advice_without_work()
        elif NOT_HELPED.search(self.turn.text) and self.turn.crisis_level is None and \
                self.pending not in FORM_STEPS and not self.turn.knowledge:
            self.not_helped()
        elif (explain := words_to_explain(self.turn.text)) and \
                self.pending in (None, "deepen", "offer", "topic_choice", "opening", "consent") \
                and self.turn.crisis_level is None and not self.turn.knowledge and \
                not PAYS.search(self.turn.text):
            # (A message that also asks a price or a question with an answer goes on as one.)
            # "wat is consulent? en vrijblijvend?": the words, simply, then on where we were.
            for word in explain:
                self.say(f"utter_word_{word}", repeatable=True)
            self.set(plain_language=True)
            if self.pending == "consent":
                self.say("utter_ask_consent_given", repeatable=True)
            elif self.pending == "offer" and self.may_offer():
                self.say("utter_offer_still_open", repeatable=True)
        elif NOT_A_QUESTION.search(self.turn.text) and not self.turn.is_question and \
                self.pending not in FORM_STEPS and self.turn.crisis_level is None:
            # Heard as what it was: how they are, not a question to look up.
            self.say("utter_heard_not_a_question", repeatable=True)
            if self.pending == "offer" and self.may_offer():
                self.say("utter_offer_still_open", repeatable=True)
        elif LIVES_IN_BELGIUM.search(self.turn.text) and (
                not self.turn.is_question or TAG_QUESTION.search(self.turn.text)) and \
                self.pending not in FORM_STEPS and self.turn.crisis_level is None and \
                self.intent not in ("request_human", "affirm"):
            # "ge moet mij nie met dien uwv komen, ik woon en werk in belgie" got a topic menu,
            # then "ik begrijp je niet" (round 20b, p85): heard, and the talk goes on.
            heard = list(self.get("heard_once") or [])
            said = "utter_noted_belgium" in heard
            self.say("utter_noted_belgium_again" if said else "utter_noted_belgium",
                     repeatable=True)
            self.set(heard_once=heard if said else [*heard, "utter_noted_belgium"])
            if self.pending == "offer" and self.may_offer():
                self.say("utter_offer_still_open", repeatable=True)
        else:
            self._dispatch(picked)
        if picked.name and not self.get("contact_name") and not self.get("handover") and \
                not self.has_ticket() and not self.get("erased"):
            # "Goedemiddag. Mijn naam is Omar." before a question that got an answer: kept
            # for the request, so the form does not ask it again (round 21, p93).
            self.set(contact_name=picked.name)
        if bot_aside and not {"utter_disclosure", "utter_bot_challenge"} & {
                s.response for s in self.out.says}:
            self.say("utter_bot_aside", repeatable=True)
        self._offer_mentioned()
        self._answer_also()
        self._remember_question(was_pending)
        if crisis_first:
            self.say("utter_disclosure")
        if not self.out.says and not self.out.effect:
            self.say("utter_anything_else", repeatable=True)
        self.set(recent=[s.response for s in self.out.says if s.response])
        if not any(s.text for s in self.out.says):
            self.set(knowledge_recent=None)
        return self.out

    def _advice_without_work(self) -> None:
        """"leidinggevende? ik heb geen werk man. lees je wel": we advised asking the manager
        to a man 14 months without work (round 16, p63 got "Daar heb ik geen goed antwoord
        op"). Sorry, the same advice without an employer, and a person if he wants one."""
        self.say("utter_sorry_no_work", repeatable=True)
        for response in self.recent:
            if response in NO_WORK_VERSIONS:
                self.say(response, repeatable=True)  # said as its no-work version
        self.offer_or_close()

    def _cost_of_last_answer(self, turn: Turn) -> None:
        """"en wie betaalt da?" right after the outplacement answer asks who pays for that,
        not what this chat costs (round 16, p72 got the price of the chat): the line of the
        last answer that says who pays."""
        short = len(turn.text.split()) <= 3  # "kost geld?" right after the answer
        if SERVICE_COST.search(turn.text) or not (short or POINTS_BACK.search(turn.text)) or \
                (self.pending == "offer" and len(turn.text.split()) <= 4):
            return  # right after "wil je met een consulent praten?", "wat kost dat?" is ours
        earlier = list(self.get("knowledge_recent") or [])
        if not earlier and MEANT.match(turn.text):
            # "nee ik bedoel de taalles. kost dat geld?" after our price was the wrong answer
            # (round 16b, p70 read it twice): the last answer given, not our price again.
            earlier = list(self.get("knowledge_given") or [])[-1:]
        for entry_id in earlier:
            entry = entry_by_id(entry_id)
            line = next((line for line in entry.answer if PAYS.search(line)), None) \
                if entry else None
            if entry is not None and line is not None:
                turn.intent = "nlu_fallback"
                turn.knowledge = Match(entry, 1.0, line=line)
                return

    def not_helped(self) -> None:
        """Anger at getting no help: heard, our limits said, a person offered once."""
        self.say("utter_not_helped", repeatable=True)
        if self.may_offer():
            self.say("utter_offer_consultant")
            self.set(pending="offer")
        elif self.has_ticket():
            self.say("utter_request_exists", repeatable=True,
                     ticket_reference=self.get("ticket_reference"))
            self.set(pending=None)
        else:
            self.set(pending=None)

    def _dispatch(self, picked: Picked) -> None:
        turn = self.turn
        if self.pending in ("about", "summary", "summary_edit") and (
                LEAVE_OUT.search(turn.text) or HEALTH_OUT.search(turn.text)) and \
                rule_level(turn.text) != "clear":
            # "dat ik niks meer ben hoeft er niet in" edits the card: the words are quoted from
            # an earlier message, not said again (round 16c, p69 got the 113 block again and
            # the card unchanged). "zet niet in dat ik er een eind aan wil maken" says it now.
            turn.crisis_level = None
            if turn.intent == "crisis":
                turn.intent = "inform"
        # "is er iemand die Pools spreekt? … mijn nederlands is niet goed" asks for a
        # consultant's language first, not for easier words (round 26, p132 read the Taalhuis
        # answer again).
        if turn.crisis_level is None and self._consultant_language():
            return
        if SIMPLER.search(turn.text) and turn.crisis_level != "clear" and \
                not NOT_A_CHILD.search(turn.text) and self.pending not in FORM_STEPS and (
                    turn.knowledge or len(SIMPLER.sub(" ", turn.text).split()) <= 6
                    or (self.get("knowledge_given") and (turn.intent in MISS_INTENTS
                                                         or ASKS_EASIER.search(turn.text)))):
            # "Wat kan ik deze week doen? Kort en makkelijk alstublieft" is a question
            # first: answered as one, not with "zeg in een paar woorden" (round 10, p40).
            self.simpler()
            return
        if turn.crisis_level != "clear" and self.intent != "crisis" and \
                self._privacy_in_other_words():
            return
        if turn.crisis_level is None and self._data_question(picked):
            return
        if turn.crisis_level is None and self._residence_question():
            return
        if turn.is_question and PRIVACY_QUESTION.search(turn.text) and \
                turn.crisis_level != "clear" and self.intent != "crisis":
            self.say("utter_ask_privacy", repeatable=True)
            if self.get("handover") and self.pending in FORM_STEPS:
                if self.pending == "consent" and YES_THEN_MORE.match(turn.text):
                    # "Ja, dat is goed. Maar het gaat dus echt niet naar mijn werkgever toe?":
                    # the question answered and the yes taken (round 14b, p56 was asked again).
                    self.give_consent(picked)
                    return
                if self.pending == "consent" and self.get("consent_reasked"):
                    return  # asked once after a question is enough (round 12, p48)
                if self.pending == "consent":
                    self.say("utter_ask_consent_given", repeatable=True)
                    self.set(consent_reasked=True)
                    return
                self.ask_step(self.pending)
                return
            if self.pending == "offer" and YES_THEN_MORE.match(turn.text):
                # "ja, graag, liefst per mail. maar mijn hoofdverpleegkundige krijgt hier niks
                # van te zien he?": the question answered and the offer taken (round 23c,
                # p116 heard "Fijn om te horen dat je met plezier werkt!").
                self.start_handover(picked)
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
        if RIGHT_PLACE.search(turn.text) and self.pending not in FORM_STEPS:
            # "ik weet niet of ik hier goed zit" is doubt about the place, not feeling
            # stuck and no question for the knowledge base (round 9, p27).
            if len(RIGHT_PLACE.sub(" ", turn.text).split()) <= 3:
                self.say("utter_right_place", repeatable=True)
                self.set(pending=None)
                return
            self.say("utter_right_place_short", repeatable=True)
        if NOT_GOING_WELL.search(turn.text) and turn.crisis_level is None and \
                self.pending not in FORM_STEPS and not turn.knowledge and \
                (self.intent in MISS_INTENTS or turn.confidence < 0.6) and \
                not QUESTION_SENTENCE.search(RIGHT_PLACE.sub(" ", turn.text)):
            # "ik weet niet of ik hier goed ben maar ... het gaat eigenlijk niet meer zo goed"
            # asks no question we cannot answer: one open question about it (round 17, p68 got
            # "Je zit hier goed." and then "Daar heb ik geen goed antwoord op").
            self.say("utter_not_going_well", repeatable=True)
            self.set(pending=None)
            return
        if NO_FUSS.search(turn.text) and turn.crisis_level is None and \
                self.pending not in FORM_STEPS and "utter_no_fuss" not in self.recent:
            # "ik wil niet dat het gedoe wordt met mn werk, ik vind het er best leuk": a worry,
            # no joy at work to ask about; a question beside it is still answered (round 24b).
            self.say("utter_no_fuss", repeatable=True)
            turn.topics = [t for t in turn.topics if t != "enjoy_work"]
            if turn.intent == "enjoy_work":
                turn.intent = "nlu_fallback"
            if not (turn.is_question and turn.knowledge):
                self.offer_or_close()
                return
        if turn.crisis_level is None and "utter_part_time_worry" not in self.recent and \
                (self.pending not in FORM_STEPS or self.pending == "consent") and (
                PART_TIME_WORRY.search(turn.text) or JUDGED_FEAR.search(turn.text) and
                FEWER_HOURS_ANSWERS.intersection(self.get("knowledge_given") or [])):
            # "ik ben bang dat ze me minder serieus nemen als ik 28 uur ga werken": heard, with
            # what the law says (facts: onderscheid_arbeidsduur_648); a question beside it
            # with an answer is still answered (round 26b, p134). After the answers on fewer
            # hours the fear alone says it, also in the form (round 27, p134 got the
            # job-application tip).
            self.say("utter_part_time_worry", repeatable=True)
            if not (turn.is_question and turn.knowledge):
                if self.get("handover") and self.pending in FORM_STEPS:
                    self._back_to_the_form()
                else:
                    self.offer_or_close()
                return
        if self.get("erased") and (ERASED_QUESTION.search(turn.text)
                                   or STORED_QUESTION.search(turn.text)):
            self.say("utter_erasure_confirmed", repeatable=True)
            return
        if self.get("erased") and (turn.topics or turn.knowledge):
            self.set(erased=None)  # a new conversation about work: the erasure is behind us
        if STORED_QUESTION.search(turn.text) and self.get("handover") and \
                self.pending in ("summary", "summary_edit"):
            # "wat schrijf je op over mij?" at the summary: exactly what is shown (round 7).
            self.ask_step("summary")
            return
        if (STORED_QUESTION.search(turn.text) or KEPT_HOW_LONG.search(turn.text)) and \
                self.pending != "delete_confirm":
            # What we keep, said plainly, not the general confidentiality text (round 6).
            if self.has_ticket():
                self.say("utter_what_is_stored_request", repeatable=True,
                         ticket_reference=self.get("ticket_reference"))
            else:
                self.say("utter_what_is_stored", repeatable=True)
            if self.intent == "delete_my_data" and DELETE_WORDS.search(turn.text):
                self.ask_delete()  # "wat weten jullie van mij? en haal alles weg"
            elif self.get("handover") and self.pending in FORM_STEPS:
                self.ask_step(self.pending)
            return
        if self.aftercare():
            return
        if self.pending == "crisis_check":
            self.answer_check(picked)
            return
        if self.get("follow_up_pending") and self.follow_up_turn():
            return  # "nee" to "heeft de consulent je al bereikt?" (issue 15)
        if turn.crisis_level == "possible" and not self.get("safety_flag") and \
                self.get("check_said_no") and WORN_OUT.search(turn.text):
            # She said no to the direct question; "ik kan niet meer" next is her work
            # again, believed, not the same question once more (round 16, p68).
            turn.crisis_level = None
            self.hear_worn_out()
            return
        if turn.crisis_level == "possible" and not self.get("safety_flag"):
            if int(self.get("checks_asked") or 0) < MAX_CHECK_QUESTIONS:
                self.ask_check()
                return
            # Asked twice already: no third question, but the way to help stays in view.
            self.say("utter_crisis_soft", repeatable=True)
        if self.pending not in CONFIRM_STEPS and self._small_talk():
            return
        last = self.get("last_topic")
        if self.intent == "not_what_i_meant" and last in TOPIC_WORDS and \
                last not in self.denied_topics() and \
                re.search(rf"\b({TOPIC_WORDS[last]})\b", self.turn.text.lower()):
            # "nee gewoon over eerder stoppen. ..." is "yes, this topic", said with a no
            # (round 14b, p55 heard "Ik haal pensioen en je laatste werkjaren weg.").
            self.turn.intent, self.turn.confidence = last, 0.9
            self.turn.topics = [last, *[t for t in self.turn.topics if t != last]]
        if (self.intent == "not_what_i_meant" and not YES.match(self.turn.text)
                and self.pending != "topic_choice") or (
                self.protests() and (self.said_recently("utter_crisis")
                                     or self.said_recently("utter_crisis_check"))):
            self.misread()
            return
        handler = {
            "delete_confirm": self.answer_delete_confirm,
            "stop_confirm": self.answer_stop_confirm,
            "withdraw_confirm": self.answer_withdraw_confirm,
            "email_typo": self.answer_email_typo,
            "update_confirm": self.answer_update_confirm,
            "crisis_offer": self.answer_crisis_offer,
            "topic_choice": self.answer_topic_choice,
        }.get(self.pending or "")
        if self.pending == "topic_choice" and DISCOURAGED.search(self.turn.text) and \
                self.turn.crisis_level is None:
            # "31 jaar gewerkt en nu ben ik niks meer" answers no choice of ours: it is heard
            # (round 16b, p69 got the same two options again).
            handler = None
            self.set(pending=None)
        if handler:
            handler(picked)
            return
        if self.intent == "delete_my_data":
            self.ask_delete()
            return
        if self.get("handover"):
            self.form_turn(picked)
            return
        if OTHERS_OPINION.search(turn.text) and not turn.is_question and \
                turn.crisis_level is None and self._hear_others_opinion():
            return
        discouraged = bool(DISCOURAGED.search(turn.text)) and turn.crisis_level is None
        if discouraged and self.pending == "offer" and OFFER_NO.match(turn.text):
            # "nu niet. wat moet een man van 58 nog": a no to the offer first, and then the
            # rest is heard without the offer again (round 16d, p69).
            self.set(offer_declined=True, pending=None)
        if discouraged and self._hear_discouraged():
            return
        if SLEEPS_BADLY.search(turn.text) and turn.crisis_level is None and \
                self.intent != "workload_health" and not self.get("safety_flag"):
            self.say("utter_sleep_heard")  # once: say() keeps it from the next turn
        if turn.crisis_level is None:
            self._hear_tears_and_busy()
        self.free_turn(picked)
        if discouraged:
            # "Het heeft geen zin om te solliciteren" is no request for a tip on letters.
            # Nor "31 jaar gewerkt en nu ben ik niks meer" for a plan of the job search
            # (round 16b, p69).
            self.out.says = [s for s in self.out.says if s.response not in
                             (*JOB_SEARCH_TIPS, *NO_ANSWERS, "utter_selfhelp_unemployed")]

    def _hear_others_opinion(self) -> bool:
        """"Mijn ouders vinden dat ik gewoon moet blijven": their opinion heard once, and her
        own wish asked (round 15c, p66 got "Waar kan ik je nog mee helpen?"). True when the
        turn is done: when the message says nothing more the classifier is sure of."""
        heard = list(self.get("heard_once") or [])
        if "utter_others_opinion" in heard:
            return False
        self.set(heard_once=[*heard, "utter_others_opinion"])
        self.say("utter_others_opinion", repeatable=True)
        known = self.topics()
        if self.intent in CAREER_TOPICS and self.turn.confidence >= 0.6 and (
                not known or self.intent in known):
            return False
        # "mijn vrouw zegt ik moet gewoon doorrijden tot mijn pensioen": her topic, not his;
        # he wants another job, not to talk about retirement (round 18, p77).
        self.set(pending=None)
        return True

    def _hear_tears_and_busy(self) -> None:
        """Tears about work and "iedereen heeft het druk" are named back once, before the
        answer (round 16d, p68). Tears with no topic the classifier is sure of are about the
        load of the work, not a choice between two menus."""
        heard = list(self.get("heard_once") or [])
        text = self.turn.text
        if CRIES.search(text) and "utter_crying_heard" not in heard and \
                self.intent not in ("thank", "goodbye", "affirm", "deny", "enjoy_work"):
            heard.append("utter_crying_heard")
            self.say("utter_crying_heard", repeatable=True)
            if self.intent in MISS_INTENTS or self.turn.confidence < 0.6:
                # Tears beside the care for a parent are about combining the two, not about
                # the work (round 21, p95).
                topic = "work_life_balance" if CARES_FOR_FAMILY.search(text) else \
                    "workload_health"
                self.turn.intent, self.turn.confidence = topic, 0.9
                self.turn.topics = [topic, *[t for t in self.turn.topics if t != topic]]
        if EVERYONE_BUSY.search(text) and "utter_everyone_busy" not in heard:
            heard.append("utter_everyone_busy")
            self.say("utter_everyone_busy", repeatable=True)
        self.set(heard_once=heard or None)

    def _hear_discouraged(self) -> bool:
        """"Niemand wil een vent van 52", "het heeft toch geen zin om te solliciteren": heard
        once, then once more in other words with a different way forward, then not again
        (round 15c, p63 read the same line three times, then a tip for his cover letter after
        80 rejections). True when the turn is done."""
        heard = list(self.get("heard_once") or [])
        if "utter_discouraged_heard" not in heard:
            self.say("utter_discouraged_heard", repeatable=True)
            self.set(heard_once=[*heard, "utter_discouraged_heard"])
            # The rest of the message is answered as it is; but "Ik ben 47, wie neemt mij nog",
            # later in the talk, gets the answer on finding work when older, not the topic text
            # of a guess (round 23, p112 read "Wat vervelend dat je niet meer met plezier ...").
            return bool(self.topics()) and not self.turn.knowledge and self._answer_age_doubt()
        if "utter_discouraged_heard_again" in heard:
            return self._answer_age_doubt()
        self.say("utter_discouraged_heard_again", repeatable=True)
        self.set(heard_once=[*heard, "utter_discouraged_heard_again"])
        if self._answer_age_doubt():
            return True
        if self.turn.is_question and self.turn.knowledge:
            return False  # "heeft het nog zin, ben ik te oud?": and the answer
        if self.may_offer():
            self.say("utter_offer_consultant", repeatable=True)
            self.set(pending="offer")
        else:
            self.set(pending=None)
        return True

    def _answer_age_doubt(self) -> bool:
        """"Wie neemt er nou iemand van 58 aan", said again after the first doubt was heard:
        the answer on finding work when older, once, however the retriever scores a sentence
        this short and bitter (round 16d, p69 got "Waar kan ik je nog mee helpen?", and the
        answer only when he asked it plainly). A first message keeps its menu of what they
        seek most."""
        given = list(self.get("knowledge_given") or [])
        if not AGE_DOUBT.search(self.turn.text) or AGE_ANSWER in given:
            return False
        entry = entry_by_id(AGE_ANSWER)
        if entry is None:
            return False
        self.say_knowledge(entry)
        self.set(knowledge_given=[*given, AGE_ANSWER])
        self.offer_or_close("utter_more_questions")
        return True

    def _privacy_in_other_words(self) -> bool:
        """How long we keep it, whether it leads to recruitment, and "ik wil ni dat mijn baas
        da weet": privacy asked in other words (round 13, p53 got "weet ik niet zeker" and
        the offer, p52 "Sorry, dat begreep ik niet goed"). True when the turn is done."""
        turn = self.turn
        recruit = bool(RECRUITMENT.search(turn.text))
        kept = bool(KEPT_HOW_LONG.search(turn.text))
        # "mijn werkgever hoeft hier niets van te weten" too (round 20, p87 heard the consent
        # text as if it was a yes).
        # Said beside a topic ("ik word boventallig. mijn leidinggevende mag niet weten ..."),
        # the topic comes first and the wish goes on the card (round 14, p56).
        secret = bool(SECRET_WISH.search(turn.text) or (
            EMPLOYER_SECRET.search(turn.text) and (
                self.pending in ("offer", "consent") or self.intent not in CAREER_TOPICS)))
        if not (recruit or kept or secret) or self.pending in CONFIRM_STEPS or \
                self.pending == "crisis_check" or self.get("erased"):
            return False
        if secret and not (recruit or kept) and self.pending in ("choices", "summary",
                                                                 "summary_edit"):
            # "allebei goe, mar zeg er wel bij da mijne baas van niks mag weten": a mark for
            # the card beside the answer, which the form step still reads (round 24, p110
            # heard the privacy text and the choices again; the card did not say it).
            self.set(employer_secret=True)
            return False
        if secret:
            self.set(employer_secret=True)
            self.say("utter_ask_privacy", repeatable=True)
        if kept:
            if self.has_ticket():
                self.say("utter_what_is_stored_request", repeatable=True,
                         ticket_reference=self.get("ticket_reference"))
            else:
                self.say("utter_what_is_stored", repeatable=True)
        if recruit:
            self.say("utter_no_recruitment", repeatable=True)
        other_answer = turn.knowledge and turn.is_question and \
            turn.knowledge.entry.topic != "ask_privacy" and not recruit
        if self.intent == "request_human" or other_answer:
            return False  # "laat een consulent mij mailen, maar geen ledenwerving"
        self._back_to_the_form()
        return True

    def _consultant_language(self) -> bool:
        """"Can someone call me in English?" or "spreekt iemand Pools?": an honest answer,
        noted for the consultant, and back to the question of the form (round 15, p65; round
        24c, p119). True when the turn is done."""
        if self.get("erased"):
            return False
        named = best_language(self.turn.text)
        if named and named != "Engels" and CONSULTANT_OTHER.search(self.turn.text):
            self.set(language_note=named)
            told, offer, values = "utter_consultant_language", "utter_consultant_language_offer", \
                {"language": named}
        elif CONSULTANT_ENGLISH.search(self.turn.text):
            self.set(language_note="english")
            told, offer, values = "utter_consultant_english", "utter_consultant_english_offer", {}
        else:
            return False
        answered = {told, offer} & self.recent
        if self.intent == "request_human" and not self.get("handover"):
            if not answered:
                self.say(told, repeatable=True, **values)
            return False  # "consulent. maar spreekt de consulent engels?": and the request
        if self.get("handover") or self.has_ticket() or not self.may_offer():
            if not answered:
                self.say(told, repeatable=True, **values)
            self._back_to_the_form()
            return True
        # No request yet: "Ik zet in je aanvraag ..." promised what did not exist, and asked
        # nothing, so his "ok ja graag" had nothing to say yes to (round 15c, p65).
        self.say(offer, repeatable=True, **values)
        self.set(pending="offer")
        return True

    def _data_question(self, picked: Picked) -> bool:
        """"Moet ik ook mijn adres of mijn verblijfsvergunning geven?": what we ask and what
        never; at the consent step a yes before it is taken (round 21, p93 got the IND text
        and was asked for his consent twice more). True when the turn is done."""
        if not DATA_ASKED.search(self.turn.text) or self.pending in CONFIRM_STEPS or not (
                self.get("handover") or self.pending in ("offer", "consent")):
            return False  # "moet ik mijn loonstroken aan UWV geven?" is not about our request
        self.say("utter_data_needed", repeatable=True)
        if self.pending == "consent":
            if YES_THEN_MORE.match(self.turn.text) or PASS_ON.search(self.turn.text):
                self.give_consent(picked)
            elif not self.get("consent_reasked"):
                self.say("utter_ask_consent_given", repeatable=True)
                self.set(consent_reasked=True)
            return True
        if self.get("handover") and self.pending in FORM_STEPS:
            self.ask_step(self.pending)
        return True

    def _channel_asked(self) -> None:
        """"kan dat ook via de mail?" before the form asks it: yes, and that way is noted, so
        the form asks the address, not the way (round 23, p109 heard "Dat weet ik niet zeker")."""
        asked = CHANNEL_ASKED.search(self.turn.text)
        if asked is None or self.pending in FORM_STEPS and self.pending != "consent":
            return
        word = (asked.group("channel") or asked.group("verb") or "").lower()
        channel = "email" if "mail" in word else "whatsapp" if "app" in word else "phone"
        if channel not in (self.get("refused_channels") or []):
            self.set(contact_channel=channel)
        self.say("utter_channel_possible", repeatable=True)

    def _residence_question(self) -> bool:
        """"Mag ik blijven in nederland?", "my visa depends on my job": the IND decides; said
        once, then back to where we were (round 15b, p65 got the BBL text twice). True when
        the turn is done."""
        if not RESIDENCE.search(self.turn.text) or self.get("erased"):
            return False
        if not RESIDENCE.search(HAS_PERMIT.sub(" ", self.turn.text)):
            # "Ik heb mijn verblijfsvergunning al zes jaar, dus het UAF is niet meer voor
            # mij?": having a permit is who he is, no question for the IND (round 24, p111).
            return False
        asked = QUESTION_SENTENCE.findall(self.turn.text)
        if self.turn.knowledge is not None and asked and \
                self.turn.knowledge.entry.topic not in WORK_LOSS and \
                not any(RESIDENCE.search(q) for q in asked):
            # "ik ben 6 jaar hier met verblijfsvergunning. Kost een diploma-waardering geld?":
            # the permit is who they are, the question is about the diploma (round 23, p111
            # read that the end of his work might touch his permit). When work ends, the
            # permit may hang on it: then the IND note stays (round 15b, a kennismigrant).
            return False
        if "utter_visa_ind" in self.recent:
            return False  # asked again: the rest of the message is answered as it is
        self.say("utter_visa_ind", repeatable=True)
        knowledge = self.turn.knowledge
        if knowledge and self.turn.is_question and knowledge.entry.topic in WORK_LOSS:
            return False  # "ik ben kennismigrant, krijg ik ww?": the WW answer as well
        self._back_to_the_form()
        return True

    def _back_to_the_form(self) -> None:
        """After an answer in the middle of the form: its question again, the consent
        question only once in its short form."""
        if not (self.get("handover") and self.pending in FORM_STEPS):
            return
        if self.pending != "consent":
            self.ask_step(self.pending)
        elif not self.get("consent_reasked"):
            self.say("utter_ask_consent_given", repeatable=True)
            self.set(consent_reasked=True)

    def _small_talk(self) -> bool:
        """What people say between the questions: a pause to think it over, "verder" after
        it, an apology for talking, "ben ik gek dat ik dit wil?", a shrug (round 13). True
        when the turn is done."""
        turn = self.turn
        text = turn.text
        in_form = bool(self.get("handover")) and self.pending in FORM_STEPS
        if turn.crisis_level is not None or turn.is_button:
            return False
        # A short message: in a long story "ik moet eerst nadenken over wat ik wil" is part
        # of what they tell, and the story is what we answer.
        if PAUSE.search(text) and not EXPLICIT_DELETE.search(text) and \
                len(text.split()) <= 22 and (
                not turn.is_question or re.search(r"\b(terug\w*|later|straks|verder)\b", text,
                                                  re.I)):
            # "ik wil eerst nadenken", "eerst ff mijn vrouw vragen": nothing is sent, nothing
            # deleted, and a form stays as it is (p53 got the erase question, p49 the
            # consent text three times).
            self.say("utter_pause_after_request" if self.has_ticket() else "utter_pause",
                     repeatable=True, ticket_reference=self.get("ticket_reference"))
            self.set(paused=True)
            return True
        if RESUME.match(text) and (self.get("paused") or in_form):
            self.set(paused=None)
            if in_form and self.pending == "consent":
                self.say("utter_ask_consent_given", repeatable=True)
            elif in_form:
                self.ask_step(self.pending)
            elif self.pending == "offer" and self.may_offer():
                self.say("utter_offer_consultant", repeatable=True)
            else:
                self.say("utter_anything_else", repeatable=True)
            return True
        apology = APOLOGY.search(text)
        if apology:
            # "sorry dat ik zo zeur" is no correction (p54 got "dan begreep ik je verkeerd").
            self.say("utter_no_need_sorry", repeatable=True)
            rest = (text[:apology.start()] + " " + text[apology.end():]).split()
            if len(rest) > 2:
                return False  # "dank je. sorry voor het gezeur": the rest is answered too
            if in_form:
                self.ask_step(self.pending)
            return True
        if AM_I_CRAZY.search(text):
            # "Ben ik gek dat ik dit wil?" (p50 got a topic menu, then "geen goed antwoord").
            sick = self.get("sick_leave") or "workload_health" in self.topics()
            self.say("utter_not_crazy_sick" if sick else "utter_not_crazy", repeatable=True)
            if in_form:
                self.ask_step(self.pending)
            return True
        if SHRUG.match(text) and not in_form:
            # "boeie" is a shrug, not hello (p51 got "Hoi! Waar wil je het over hebben?").
            self.say("utter_shrug", repeatable=True)
            return True
        return False

    def _read_sick_leave(self) -> None:
        """At home sick is no job loss, and going back to one's own work after it is no
        career move (round 13, p52: "ik ben nu ni aan't werken he, ik zit thuis" after her
        burn-out got "Wat naar dat je je baan kwijt bent")."""
        turn = self.turn
        if SICK_LEAVE.search(turn.text) and not NOT_SICK.search(turn.text):
            self.set(sick_leave=True)
        if not self.get("sick_leave") or JOB_GONE.search(turn.text):
            return
        if turn.intent == "unemployed":
            turn.intent = "workload_health"
        moves = ("career_change", "career_growth", "job_crafting", "unemployed", "job_search")
        if BACK_TO_WORK.search(turn.text) and turn.intent in (
                *moves, "nlu_fallback", "inform", "out_of_scope"):
            turn.intent, turn.confidence = "workload_health", max(turn.confidence, 0.9)
            turn.ranking = [t for t in turn.ranking if t not in moves]
        if turn.intent == "workload_health" or "unemployed" in turn.topics:
            topics = ["workload_health" if t == "unemployed" else t for t in turn.topics]
            if BACK_TO_WORK.search(turn.text):
                topics = [t for t in topics if t not in moves]
            turn.topics = list(dict.fromkeys(topics))

    def _remember_profile(self) -> None:
        for name in ("contract_type", "age", "region", "deadline"):
            # A contract type only from a statement about the person, never from a question
            # ("Of via een uitzendbureau?"; round 10, p41).
            value = self.profile_entity(name)
            if name == "age" and value and self._years_of_work():
                continue  # "40 jaar metselaar" is his years of work (round 21, p97's age: 40)
            if name == "region" and value and OTHERS_PLACE.search(self.turn.text):
                continue  # "Mijn broer woont in Groningen" (round 21b, p95)
            if name == "contract_type" and value and AGENCY_WISH.search(self.turn.text):
                continue  # "ik wil ... in loondienst of via uitzend" (round 22c, p107's card)
            if value:
                self.set(**{name: value})
                if name == "deadline":
                    self.set(deadline_about=deadline_about(self.turn.text))
        job = wanted_job(self.turn.text)
        if job:
            self.set(wanted_job=job)
        elif self.get("wanted_job") and re.search(
                rf"\b(geen|niet|nooit)\s+(\w+\s+)?{re.escape(str(self.get('wanted_job')))}\b",
                self.turn.text, re.I):
            self.set(wanted_job=None)  # "Ik wil GEEN leraar worden" at the card (round 24b)
        sector = self.current_sector()
        if sector:
            self.set(sector=sector)
        elif SECTOR_DENIED.search(self.turn.text) and self.get("sector"):
            self.set(sector=None)  # "ik werk helemaal niet bij de overheid" (round 7, p35)
        phrase = DEADLINE_PHRASE.search(self.turn.text)
        if not self.turn.entity("deadline") and phrase and parse_deadline(phrase[0], date.today()):
            # "ik moet voor vrijdag tekenen" (round 4)
            self.set(deadline=phrase[0], deadline_about=deadline_about(self.turn.text))
        # Not asked about ("Of via een uitzendbureau? Wat raad je aan?", round 10, p41).
        said = AGENCY_SAID.search(self.turn.text)
        around_said = sentence_around(self.turn.text, said.start()) if said else ""
        if (AGENCY_NOW.search(self.turn.text) or (said and not AGENCY_WISH.search(around_said)
                                                   and not re.match(r"[^,.?!]*\?",
                                                                    self.turn.text[said.start():])
                                                   and not re.search(
                r"\b(geen|niet|nooit)\s+(\w+\s+){0,3}$", self.turn.text[:said.start()], re.I))) \
                and not self.get("contract_type"):
            # "ik werk in magazijn via uitzend": the extractor missed it (round 22c, p104).
            self.set(contract_type="uitzend")
        permanent = PERMANENT.search(self.turn.text)
        around = sentence_around(self.turn.text, permanent.start()) if permanent else ""
        if permanent and not re.search(
                r"\b(geen|niet|nooit)\s+(een\s+)?vast", self.turn.text, re.I) and \
                not OTHERS_OPINION.search(around) and not CONTRACT_WISHED.search(around):
            self.set(contract_type="vast")  # said in words, it beats any earlier guess
        elif not self.turn.entity("contract_type") and FIXED_TERM.search(self.turn.text):
            # "contract van 1 jaar", "6 maanden contract": the extractor misses numbers.
            self.set(contract_type="tijdelijk")

    def _years_of_work(self) -> bool:
        """The age entity is years of work: "40 jaar metselaar", "20 jaar beveiliging", "al
        30 jaar in de bouw"; not "ik ben 60 jaar" or "60 jaar en op"."""
        for entity in self.turn.entities:
            if entity.get("entity") != "age":
                continue
            start, end = int(entity.get("start") or 0), int(entity.get("end") or 0)
            before = self.turn.text[max(0, start - 12):start].lower()
            after = self.turn.text[end:end + 40].lower()
            if re.search(r"\b(ben|word|was|werd|bijna|ik|nu)\s*$", before):
                return False
            trade = re.match(r"\s*jaar\s+(?!oud\b|en\b|geleden\b|geworden\b|ben\b)[a-z]", after)
            since = re.search(r"\b(al|sinds|ruim|bijna)\s*$", before) and \
                re.match(r"\s*jaar\b", after)
            return bool(trade or since)
        return False

    def current_sector(self) -> str | None:
        """The sector the person works in, not the one they want to go to ("ik werk bij de
        gemeente maar ik wil het onderwijs in"; round 4, p16)."""
        for entity in self.turn.entities:
            if entity.get("entity") != "sector" or not entity.get("value"):
                continue
            before = self.turn.text[max(0, int(entity.get("start") or 0) - 30):
                                    int(entity.get("start") or 0)]
            after = self.turn.text[int(entity.get("end") or 0):int(entity.get("end") or 0) + 20]
            if SOFA.search(before + "bank" + after) and str(entity.get("value")).startswith(
                    "financ"):
                continue  # "moe op de bank" is the sofa (round 16c, p68's card: a bank job)
            if re.match(r"\W*(\w+\s+)?(worden|leren|te\s+worden)\b", after, re.I):
                continue  # "backend developer worden" is where he wants to go (round 21, p90)
            if not SECTOR_WISH.search(before) and not SECTOR_OF_OTHERS.search(before) and \
                    self.said_of_self(entity):
                return str(entity["value"])
        if SCHOOL_WORK.search(self.turn.text) and not self.get("sector"):
            return "onderwijs"  # the extractor missed "op een middelbare school" (round 24)
        return None

    def _remember_question(self, was_pending: str | None) -> None:
        """The person's own questions, for the card the consultant reads: "Je vroeg: ..."
        (round 14: five of six summaries said only the topic, not what they wanted to know).
        Never health, a crisis, contact data or a question about this service, also when
        the classifier missed it and the answer was ours ("ben ik hier wel aan het goede adres,
        ik ben geen lid"; round 18c, p81's card quoted "Ik weet niet of dat dan wel kan?")."""
        text = self.turn.text
        if not self.turn.is_question or self.turn.is_button or was_pending in FORM_STEPS or \
                self.turn.crisis_level is not None or self.intent in SERVICE_INTENTS or \
                (self.turn.knowledge is not None and
                 self.turn.knowledge.entry.topic in SERVICE_INTENTS) or \
                HEALTH_WORDS.search(text) or re.search(r"@|\d{6,}", text) or \
                DISCOURAGED.search(text) or (RIGHT_PLACE.search(text) and
                                             not QUESTION_SENTENCE.search(text)):
            # "31 jaar gewerkt en nu ben ik niks meer" is no question for the card (round
            # 16c, p69 had to ask three times to get it off), nor "ik weet niet of ik hier goed
            # ben" (round 17, p68).
            return
        if was_pending in ("crisis_offer", "crisis_check") or \
                any(r.startswith("utter_crisis") for r in self.recent):
            # The reply to the crisis answer ("ja ja ik doe heus niks hoor") is not for the
            # card: it says that what was written before is not passed on (round 22d, p107).
            return
        if self.intent == "other_language" or RESIDENCE.search(text) or \
                CONSULTANT_ENGLISH.search(text) or ENGLISH_REQUEST.search(text) or \
                (CONSULTANT_OTHER.search(text) and best_language(text)):
            # The language goes on the card as a note, and a residence permit is the IND's:
            # neither is a question for the consultant (round 15c, p65's card quoted both).
            return
        asked = list(self.get("questions_asked") or [])
        question = own_question(text)
        if question is None or len(asked) >= 3 or question in asked:
            return
        self.set(questions_asked=[*asked, question])

    def _answer_also(self) -> None:
        """The second question of a message answered too, when the first got a knowledge
        answer: "Kan ik omscholen terwijl ik ziek ben, en wie betaalt dat?" (rounds 13d, 14)."""
        match = self.turn.also
        if match is None or self.turn.crisis_level == "clear" or self.pending in FORM_STEPS:
            return
        given = list(self.get("knowledge_given") or [])
        if match.entry.id in given or not any(s.text for s in self.out.says) or \
                not self.fits_region(match.entry.region) or \
                match.entry.topic in self.denied_topics():
            return
        main = self.turn.knowledge.entry.topic if self.turn.knowledge else None
        if match.entry.topic in STATUS_TOPICS and \
                match.entry.topic not in {main, self.intent, *self.turn.topics, *self.topics()}:
            # "en als ik niet teken? word ik dan gewoon ontslagen?": the second question hangs
            # on the first; read alone it matched the on-call rules, for a man with a permanent
            # contract (round 16, p67). Rules for a flex worker or a pensioner only for who
            # talks about that.
            return
        self._insert_before_question(self.fitted(self.lines_to_say(match.entry)))
        self.set(knowledge_given=[*given, match.entry.id])

    def _insert_before_question(self, lines: list[str]) -> None:
        """Text bubbles before a closing question, never after its buttons."""
        last = self.out.says[-1].response if self.out.says else None
        at = len(self.out.says) - 1 if last and CLOSING_QUESTION.match(last) else len(
            self.out.says)
        self.out.says[at:at] = [Say(text=line) for line in lines]

    def _offer_mentioned(self) -> None:
        """Help the person did not ask for but needs ("18 duizend schuld"), once."""
        entry = self.turn.mentioned
        given = list(self.get("offered_answers") or [])
        if entry is None or entry.id in given or self.turn.crisis_level == "clear" or \
                entry.id in (self.get("knowledge_given") or []):
            return  # answered already when asked: not again unasked
        if any(s.text for s in self.out.says):
            return  # one knowledge answer per turn is enough
        # Before a closing question, never after its buttons (round 14, p55 read the AOW
        # ages under "Wil je hierover eens praten ...? [Ja, graag] [Nu niet]").
        self._insert_before_question(self.fitted(self.lines_to_say(entry)))
        # Said is given: "dat telt ook hier?" after it is a follow-up on it (round 20, p83).
        self.set(offered_answers=[*given, entry.id],
                 knowledge_given=[*(self.get("knowledge_given") or []), entry.id])

    def fits_region(self, region: str) -> bool:
        return region == "any" or (region == "be") == bool(self.turn.flemish)

    def fit_to_retired(self, turn: Turn) -> None:
        """Someone already retired is not stuck in a job, nor at risk of losing one: those
        readings go, and the AOW age they already have becomes the answer on working next to
        it (round 22b, p102 got "Vastgelopen" as an option and the AOW age twice)."""
        turn.topics = [t for t in turn.topics if t not in NOT_FOR_RETIRED]
        if turn.intent in NOT_FOR_RETIRED:
            turn.intent = "retirement"  # what to do now they are retired
            turn.topics = ["retirement", *[t for t in turn.topics if t != "retirement"]]
        if turn.intent == "retirement" and ALREADY_RETIRED.search(turn.text):
            # "Sinds een jaar ben ik met pensioen" says what it is about: no "Gaat het over
            # je pensioen?" to ask.
            turn.confidence = max(turn.confidence, TOPIC_SURE)
        version = turn.knowledge and RETIRED_VERSIONS.get(turn.knowledge.entry.id)
        if version:
            turn.knowledge = Match(entry_by_id(version), turn.knowledge.score)
        if turn.mentioned is not None and turn.mentioned.id in RETIRED_VERSIONS:
            turn.mentioned = None

    def _topics_named(self, skip: tuple[str, ...]) -> list[str]:
        """The topics whose own words the message uses, in TOPIC_WORDS order, none denied."""
        lowered = self.turn.text.lower()
        denied = self.denied_topics()
        return [t for t, words in TOPIC_WORDS.items()
                if t not in skip and t not in denied and re.search(rf"\b({words})\b", lowered)]

    def denied_topics(self) -> set[str]:
        # "nee ik neem geen ontslag" rules out resigning, not the job worry (round 23, p108
        # heard "Ik haal onzekerheid over je baan weg").
        text = WONT_RESIGN.sub(" ", self.turn.text.lower())
        figures = {"retirement": PENSION_NOT_YET if self._older() else NOT_UNTIL_RETIREMENT}
        denied = {topic for topic, words in TOPIC_WORDS.items()
                  if self._denied_words(text, words, figures.get(topic))}
        if NO_DISMISSAL.search(text):
            denied |= {"unemployed"}
        return denied | ({"unemployed", "job_search"} if HAS_WORK.search(text) else set())

    def _older(self) -> bool:
        """50 or older: "niet blijven doen tot mijn pensioen" may then really be about it."""
        age = self.known_age()
        return bool(age and str(age).isdigit() and int(age) >= 50)

    @staticmethod
    def _denied_words(text: str, words: str, figure: re.Pattern[str] | None = None) -> bool:
        """A topic's words denied in this message, and not named plainly beside the denial:
        "ik ben geen oproepkracht, ik heb min max" is still flex work (round 13c, p49)."""
        if re.search(rf"\b({words})\s*\?\?", text):
            return True  # "opleiding?? wie heeft het over een opleiding"
        # "maar dus geen test?" checks what was said; it denies nothing (round 24, p118).
        spans = [m.span() for m in re.finditer(rf"{DENIAL}({words})\b(?!\s*\?(?!\?))", text)
                 if not ASKING_BEFORE.search(text[:m.start()])
                 and not HYPOTHETICAL_BEFORE.search(text[:m.start()])
                 and not PLACE_CONTRAST.search(text[max(0, m.start() - 50):m.end()])]
        spans += [m.span() for m in re.finditer(rf"\b({words})\b{DENIAL_AFTER}", text)]
        spans += [m.span() for m in figure.finditer(text)] if figure else []
        if not spans:
            return False
        return all(any(start <= m.start() < end for start, end in spans)
                   for m in re.finditer(rf"\b({words})\b", text))

    def named_again(self) -> set[str]:
        """Earlier denied topics that this message names without a denial: "mijn rug doet
        pijn, ik zei toch" brings health back (round 12, p47)."""
        text = self.turn.text.lower()
        before = set(self.get("denied_topics") or []) - self.denied_topics()
        return {topic for topic in before if topic in TOPIC_WORDS
                and re.search(rf"\b({TOPIC_WORDS[topic]})\b", text)}

    def _drop_denied_topics(self) -> None:
        """A topic the person says is not theirs leaves the conversation and the ticket."""
        back = self.named_again()
        if back:
            self.set(denied_topics=sorted(set(self.get("denied_topics") or []) - back))
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
                 topic=" en ".join(topic_label(t) for t in wrong))

    def _count_miss(self) -> int:
        misses = int(self.get("misses") or 0) + 1 if self.intent in MISS_INTENTS else 0
        self.set(misses=misses)
        return misses


def decide(slots: dict[str, Any], turn: Turn) -> Outcome:
    return Conversation(slots, turn).decide()
