package org.p2psim.device;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.event.EventContent;
import org.p2psim.event.EventId;
import org.p2psim.event.EventSealer;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.WorkAhead;
import org.p2psim.sim.WorkPool;

/**
 * Received events opened ahead on other cores, consumed in event order: a {@link WorkAhead} of
 * {@link EventSealer#openAhead openings}. When a device sends an EVENT packet, the opening of the
 * event it carries (its id, the AEAD, the author's signature: a pure function of the sealed bytes)
 * starts on the run's {@link WorkPool}; when the packet is delivered, the receiving {@link Device}
 * takes it instead of opening the event itself (or opens it itself when no worker has started yet).
 *
 * <p>An opening is used only for the wire array it was started for, only while the event's bytes
 * are the ones it opened, and only by a device whose sealer is the one it was opened with (a joiner
 * with another community key opens inline); otherwise the device gets an {@link
 * EventSealer#unopened unopened} event and opens it as it always did. A duplicate is only hashed, as
 * inline: its opening is used if done, else dropped, never computed on the simulation thread; and
 * once a device has stored an event, the openings of other copies on their way to it are cancelled
 * (many strategies send an event to a peer from several sides at once). None of this changes what a
 * device gets, only where and whether work is done.
 * Like signatures, openings go ahead only with real signatures (fast ones are cheap already).
 */
public final class EventLookahead implements Device.StoreListener {
    /** Opens every event inline, on the simulation thread, when it is received. */
    public static final EventLookahead OFF = new EventLookahead(null, new WorkAhead<>(WorkPool.INLINE));

    private final EventSealer sealer;
    private final WorkAhead<EventSealer.Opening> openings;
    private final Map<Copy, List<byte[]>> copies = new HashMap<>(); // looked up only, never iterated
    private final ArrayDeque<Sent> bySendTime = new ArrayDeque<>();

    private EventLookahead(EventSealer sealer, WorkAhead<EventSealer.Opening> openings) {
        this.sealer = sealer;
        this.openings = openings;
    }

    /** Opens ahead with {@code sealer} on {@code pool} when signatures are real and the pool has workers; else {@link #OFF}. */
    public static EventLookahead of(EventSealer sealer, SignatureMode mode, WorkPool pool) {
        return mode != SignatureMode.REAL || pool.isInline() ? OFF : new EventLookahead(sealer, new WorkAhead<>(pool));
    }

    public boolean isOn() {
        return openings.isOn();
    }

    /**
     * {@code packet} was just signed and handed to the network at simulated time {@code now}, for
     * device {@code receiver}: an EVENT starts opening.
     */
    public void sent(Packet packet, String receiver, long now) {
        if (openings.isOn() && packet.type() == PacketType.EVENT) {
            openings.submit(packet.wire(), packet.body(), sealer, sealer::openAhead, now);
            forgetBefore(now - WorkAhead.DEFAULT_HORIZON_US);
            Copy copy = new Copy(receiver, EventId.of(packet.body()));
            copies.computeIfAbsent(copy, c -> new ArrayList<>(2)).add(packet.wire());
            bySendTime.addLast(new Sent(copy, now));
        }
    }

    /**
     * {@code device} stored the event {@code id}: other copies of it on their way there are
     * duplicates, whose openings no worker needs to start (the device only hashes a duplicate).
     */
    @Override
    public void stored(Device device, EventId id, EventContent content, long at) {
        stored(device.name(), id);
    }

    void stored(String receiver, EventId id) {
        List<byte[]> wires = copies.isEmpty() ? null : copies.remove(new Copy(receiver, id));
        if (wires != null) {
            wires.forEach(openings::cancel);
        }
    }

    private void forgetBefore(long time) {
        while (!bySendTime.isEmpty() && bySendTime.peekFirst().at() < time) {
            copies.remove(bySendTime.pollFirst().copy());
        }
    }

    /** An event on its way to a device, and when one copy of it was sent. */
    private record Copy(String receiver, EventId id) {}

    private record Sent(Copy copy, long at) {}

    /**
     * The opening of {@code sealed}, the event in the packet {@code wire} that a device with
     * {@code receiver} as its sealer received, unless {@code known} says the device holds it already
     * (then null, as inline: a duplicate is only hashed; an opening no worker has started is dropped).
     * The opening is the one done ahead, or an unopened one (its id only) for {@link
     * EventSealer#open(EventSealer.Opening)} to open.
     */
    public EventSealer.Opening opening(byte[] wire, byte[] sealed, EventSealer receiver, Predicate<EventId> known) {
        WorkAhead.Claim<EventSealer.Opening> ahead = openings.isOn() ? openings.claim(wire, sealed, receiver) : null;
        if (ahead != null && ahead.isDone()) {
            EventSealer.Opening done = ahead.get();
            return known.test(done.id()) ? null : done;
        }
        EventSealer.Opening unopened = EventSealer.unopened(sealed);
        if (known.test(unopened.id())) {
            if (ahead != null) {
                ahead.drop();
            }
            return null;
        }
        return ahead != null ? ahead.get() : unopened;
    }

    /** Openings started and not yet taken or forgotten. */
    int pending() {
        return openings.pending();
    }
}
