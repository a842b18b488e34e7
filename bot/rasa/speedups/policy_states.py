"""Replay a tracker's history once per prediction, not once per policy.

Before choosing an action, RulePolicy and MemoizationPolicy each turn the
*whole* conversation into a list of states (``Domain.states_for_tracker_history``):
replay every event on a fresh tracker and describe the dialogue before each
action. RulePolicy does it twice after a user message, MemoizationPolicy once
more with rule-only turns hidden. In long conversations this was half of a
turn's CPU (``tools.profile_turns --repeat 8``, 2026-11-23: 14 of 27 s), and it
grows with every message.

Here the replay runs once per tracker state: for each action of the history we
keep the dialogue state and the three facts Rasa's loop reads (the action's
``hide_rule_turn``, whether the turn may change the hidden flag, the previous
action), and build each policy's list from those with Rasa's own helpers, the
same steps in the same order. A cache entry is used only for the very same
event objects in the same order (held by the entry, so their ids stay unique),
the same domain, slots and flags; each call gets fresh copies of the states,
which the featurizers change in place.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, NamedTuple

from rasa.shared.core.constants import PREVIOUS_ACTION
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.trackers import DialogueStateTracker

_original_states_for_tracker_history = Domain.states_for_tracker_history
CACHE_SIZE = 4  # one prediction's calls come one after the other (one graph run)


class PriorTurn(NamedTuple):
    """What Rasa's loop reads from the tracker before one action (or at the end)."""

    hide_rule_turn: bool
    may_change_hidden: bool  # no follow-up action, and not the active loop's happy path
    prev_action: Any
    state: State


_replays: OrderedDict[tuple, tuple[tuple, list[PriorTurn]]] = OrderedDict()


def _key(domain: Domain, tracker: DialogueStateTracker, omit_unset_slots: bool
         ) -> tuple[tuple, tuple]:
    events = tuple(tracker.events)
    key = (id(domain), omit_unset_slots, tracker.is_rule_tracker, tracker._max_event_history,
           tuple(tracker.slots), tuple(map(id, events)))
    return key, events


def prior_turns(domain: Domain, tracker: DialogueStateTracker, omit_unset_slots: bool
                ) -> list[PriorTurn]:
    """The replay of the tracker's history, from the cache when it holds this history."""
    key, events = _key(domain, tracker, omit_unset_slots)
    cached = _replays.get(key)
    if cached is not None:
        _replays.move_to_end(key)
        return cached[1]
    turns = [
        PriorTurn(hide_rule_turn=hide_rule_turn,
                  may_change_hidden=(not prior.followup_action
                                     and prior.latest_action_name != prior.active_loop_name),
                  prev_action=domain._get_prev_action_sub_state(prior),
                  state=domain.get_active_state(prior, omit_unset_slots=omit_unset_slots))
        for prior, hide_rule_turn in tracker.generate_all_prior_trackers()
    ]
    _replays[key] = (events, turns)  # the events keep their ids from being reused
    if len(_replays) > CACHE_SIZE:
        _replays.popitem(last=False)
    return turns


def _fresh(value: Any) -> Any:
    return dict(value) if isinstance(value, dict) else value


def states_for_tracker_history(
    self: Domain,
    tracker: DialogueStateTracker,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: dict[str, Any] | None = None,
) -> list[State]:
    """``Domain.states_for_tracker_history`` on a shared replay (same steps as Rasa's loop)."""
    states: list[State] = []
    last_ml_action_sub_state = None
    turn_was_hidden = False
    for turn in prior_turns(self, tracker, omit_unset_slots):
        if ignore_rule_only_turns:
            if not turn_was_hidden:
                last_ml_action_sub_state = _fresh(turn.prev_action)
            if turn.may_change_hidden:
                turn_was_hidden = turn.hide_rule_turn
            if turn_was_hidden:
                continue
        state = {kind: _fresh(sub_state) for kind, sub_state in turn.state.items()}
        if ignore_rule_only_turns:
            self._remove_rule_only_features(state, rule_only_data)
            if states:
                self._substitute_rule_only_user_input(state, states[-1])
            if last_ml_action_sub_state:
                state[PREVIOUS_ACTION] = last_ml_action_sub_state
        states.append(self._clean_state(state))
    return states


def apply() -> None:
    Domain.states_for_tracker_history = states_for_tracker_history  # type: ignore[method-assign]


def unapply() -> None:
    Domain.states_for_tracker_history = _original_states_for_tracker_history  # type: ignore[method-assign]
    _replays.clear()
