package org.p2psim.adversary;

import java.util.ArrayList;
import java.util.List;
import org.p2psim.net.PacketType;

/**
 * Captures the packets that reach it and re-sends them, unchanged, to other devices; and signs
 * packets of its own with timestamps at the edges of the skew window (just inside, just outside,
 * and {@code Long.MIN_VALUE} away from its clock, the overflow case).
 */
final class Replayer implements Role {
    static final int CAPTURES = 64;
    /** The default skew window (devices.skewWindow); a scenario that changes it moves the edges. */
    static final long WINDOW_US = 60_000_000L;
    private final List<byte[]> captured = new ArrayList<>();
    private int next;

    @Override
    public String name() {
        return "replayer";
    }

    @Override
    public void start(Member member) {
        member.device().tap(wire -> {
            if (captured.size() < CAPTURES) {
                captured.add(wire.clone());
            } else {
                captured.set(next++ % CAPTURES, wire.clone());
            }
        });
    }

    @Override
    public void act(Member member) {
        List<String> others = member.others();
        if (others.isEmpty()) {
            return;
        }
        for (int i = 0; i < member.burst() && !captured.isEmpty(); i++) {
            String peer = others.get(member.random().nextInt(others.size()));
            member.device().resend(peer, captured.get(member.random().nextInt(captured.size())));
            member.tally().count(member.name(), name(), "replay");
        }
        String peer = others.get(member.random().nextInt(others.size()));
        long clock = member.device().clock();
        byte[] empty = {0};
        member.sendAt(peer, PacketType.PEERS, empty, clock + WINDOW_US / 2, "edge-inside");
        member.sendAt(peer, PacketType.PEERS, empty, clock + 2 * WINDOW_US, "edge-outside");
        member.sendAt(peer, PacketType.PEERS, empty, clock + Long.MIN_VALUE, "overflow-timestamp");
    }
}
