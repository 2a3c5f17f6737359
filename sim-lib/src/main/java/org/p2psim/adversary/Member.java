package org.p2psim.adversary;

import java.util.List;
import java.util.random.RandomGenerator;
import org.p2psim.Simulation;
import org.p2psim.device.Device;
import org.p2psim.event.Event;
import org.p2psim.net.PacketType;

/**
 * A hostile member's means: its device (its real keys), the run, its own random stream, how much
 * it does per act, and the tally of what it did.
 */
public record Member(Simulation sim, Device device, RandomGenerator random, int burst, Tally tally, String role) {

    public String name() {
        return device.name();
    }

    /** The peers its device knows now. */
    public List<String> peers() {
        return device.peers();
    }

    /** Every other device attached to the network (a hostile member may talk to anyone). */
    public List<String> others() {
        return sim.network().deviceNames().stream().filter(d -> !d.equals(name())).toList();
    }

    /** Signs and sends with the member's keys at its own clock; counts it under {@code action}. */
    public void send(String peer, PacketType type, byte[] body, String action) {
        sendAt(peer, type, body, device.clock(), action);
    }

    /** Signs and sends with the member's keys at a timestamp of its choosing; counts it under {@code action}. */
    public void sendAt(String peer, PacketType type, byte[] body, long timestamp, String action) {
        if (device.sendAs(peer, type, body, timestamp)) {
            tally.count(name(), role, action);
        }
    }

    /** Pushes an event it holds to {@code peer}, counted under {@code action}. */
    public void push(String peer, Event event, String action) {
        send(peer, PacketType.EVENT, event.sealed(), action);
    }
}
