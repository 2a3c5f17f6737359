package org.p2psim.net;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What every directed link is like now: the default conditions, the overrides a link sets for
 * itself, and the state of its loss model. Both maps are looked up by key only, never iterated.
 */
final class LinkTable {
    private final Map<DirectedLink, LinkOverrides> overrides = new HashMap<>();
    private final Map<DirectedLink, LinkLoss> lossStates = new HashMap<>();
    private LinkOverrides defaults = LinkOverrides.NONE;

    private record LinkLoss(LossModel model, LossModel.State state) {}

    void changeDefaults(UnaryOperator<LinkOverrides> change) {
        defaults = change.apply(defaults);
    }

    LinkConditions defaultConditions() {
        return defaults.over(LinkConditions.DEFAULT);
    }

    void change(DirectedLink link, UnaryOperator<LinkOverrides> change) {
        overrides.put(link, change.apply(overrides.getOrDefault(link, LinkOverrides.NONE)));
    }

    /** The conditions in force on {@code link}: its own overrides over the defaults. */
    LinkConditions conditions(DirectedLink link) {
        return overrides.getOrDefault(link, LinkOverrides.NONE).over(defaultConditions());
    }

    /** The link's loss state, restarted whenever the link's loss model changes. */
    LossModel.State lossState(DirectedLink link, LossModel model) {
        LinkLoss current = lossStates.get(link);
        if (current == null || !current.model.equals(model)) {
            current = new LinkLoss(model, model.newState());
            lossStates.put(link, current);
        }
        return current.state;
    }
}
