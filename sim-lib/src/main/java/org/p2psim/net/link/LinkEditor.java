package org.p2psim.net.link;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Changes the conditions of some links, effective from the current simulated instant: the
 * defaults ({@link LinkTable#defaults()}, {@code network.defaults()}), both directions between two
 * devices ({@link LinkTable#link(String, String)}, {@code network.link(a, b)}) or one direction
 * ({@link LinkTable#oneWay(String, String)}, {@code network.oneWay(a, b)}).
 *
 * <p>A link keeps only the fields set on it and inherits the rest from the defaults, also when the
 * defaults change later. Every method returns this editor, so changes chain:
 * {@code network.link("a", "b").latency(ms(80), ms(20)).loss(0.05)}.
 */
public final class LinkEditor {
    private final Consumer<UnaryOperator<LinkOverrides>> apply;
    private final Supplier<LinkConditions> current;

    LinkEditor(Consumer<UnaryOperator<LinkOverrides>> apply, Supplier<LinkConditions> current) {
        this.apply = apply;
        this.current = current;
    }

    /** The conditions now in force (for a two-way editor: those of its first direction). */
    public LinkConditions conditions() {
        return current.get();
    }

    /** Every packet takes exactly {@code latency}. */
    public LinkEditor latency(Duration latency) {
        return latency(LatencyModel.fixed(latency));
    }

    /** Latency normal(mean, sd) truncated at 0 (see {@link LatencyModel.Normal}). */
    public LinkEditor latency(Duration mean, Duration sd) {
        return latency(LatencyModel.normal(mean, sd));
    }

    public LinkEditor latency(LatencyModel model) {
        return edit(o -> o.withLatency(model));
    }

    /** Each packet lost independently with probability {@code p}. */
    public LinkEditor loss(double p) {
        return loss(LossModel.independent(p));
    }

    public LinkEditor loss(LossModel model) {
        return edit(o -> o.withLoss(model));
    }

    /** Gilbert–Elliott loss with this long-run rate and mean run of consecutive losses. */
    public LinkEditor burstyLoss(double averageLoss, double meanBurstLength) {
        return loss(LossModel.bursty(averageLoss, meanBurstLength));
    }

    /** Probability that the network delivers a packet twice. */
    public LinkEditor duplicate(double probability) {
        Probability.require("net.duplicate", probability);
        return edit(o -> o.withDuplicate(probability));
    }

    /** Sets every field at once. */
    public LinkEditor set(LinkConditions conditions) {
        return edit(o -> LinkOverrides.all(conditions));
    }

    /** Forgets what was set here: a link inherits the defaults again; the defaults return to {@link LinkConditions#DEFAULT}. */
    public LinkEditor reset() {
        return edit(o -> LinkOverrides.NONE);
    }

    private LinkEditor edit(UnaryOperator<LinkOverrides> change) {
        apply.accept(change);
        return this;
    }

    @Override
    public String toString() {
        return "LinkEditor[" + conditions() + "]";
    }
}
