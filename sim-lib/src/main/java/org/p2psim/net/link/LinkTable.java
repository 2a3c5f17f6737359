package org.p2psim.net.link;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What every directed link is like now: the default conditions, the overrides a link sets for
 * itself, and the state of its loss model. Links are named by their two ends; the table does not
 * check the names (the network does). Both maps are looked up by key only, never iterated.
 */
public final class LinkTable {
    private final Map<DirectedLink, LinkOverrides> overrides = new HashMap<>();
    private final Map<DirectedLink, LinkLoss> lossStates = new HashMap<>();
    private LinkOverrides defaults = LinkOverrides.NONE;

    private record LinkLoss(LossModel model, LossModel.State state) {}

    private void changeDefaults(UnaryOperator<LinkOverrides> change) {
        defaults = change.apply(defaults);
    }

    /** The conditions of every link that does not set its own. */
    public LinkConditions defaultConditions() {
        return defaults.over(LinkConditions.DEFAULT);
    }

    private void change(DirectedLink link, UnaryOperator<LinkOverrides> change) {
        overrides.put(link, change.apply(overrides.getOrDefault(link, LinkOverrides.NONE)));
    }

    /** The conditions in force on {@code from → to}: its own overrides over the defaults. */
    public LinkConditions conditions(String from, String to) {
        return overrides.getOrDefault(new DirectedLink(from, to), LinkOverrides.NONE).over(defaultConditions());
    }

    /** The loss state of {@code from → to}, restarted whenever the link's loss model changes. */
    public LossModel.State lossState(String from, String to, LossModel model) {
        DirectedLink link = new DirectedLink(from, to);
        LinkLoss current = lossStates.get(link);
        if (current == null || !current.model.equals(model)) {
            current = new LinkLoss(model, model.newState());
            lossStates.put(link, current);
        }
        return current.state;
    }

    // ---- editors ----

    /** Edits the conditions of every link that does not set its own. */
    public LinkEditor defaults() {
        return new LinkEditor(this::changeDefaults, this::defaultConditions);
    }

    /** Edits both directions between {@code a} and {@code b}. */
    public LinkEditor link(String a, String b) {
        List<DirectedLink> both = List.of(new DirectedLink(a, b), new DirectedLink(b, a));
        return new LinkEditor(change -> both.forEach(l -> change(l, change)), () -> conditions(a, b));
    }

    /** Edits the direction {@code from → to} only. */
    public LinkEditor oneWay(String from, String to) {
        DirectedLink link = new DirectedLink(from, to);
        return new LinkEditor(change -> change(link, change), () -> conditions(from, to));
    }
}
