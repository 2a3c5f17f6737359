package org.p2psim.adversary;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.p2psim.net.PacketType;
import org.p2psim.sync.bloom.BloomSeedParams;

/**
 * Tells lies in well-formed, validly signed packets, one kind per act in turn: peer lists naming
 * strangers, peer lists giving a real peer an address it never had, Bloom filters claiming
 * everything or nothing, reconciliation and have-lists of random bytes. Each lie goes to up to
 * {@code burst} other devices.
 */
final class Liar implements Role {
    static final List<String> LIES = List.of("stranger-peers", "false-address", "filter-all", "filter-none", "lying-recon", "lying-have");
    private static final int FILTER_BYTES = BloomSeedParams.DEFAULTS.filterBits() / 8;
    private int turn;

    @Override
    public String name() {
        return "liar";
    }

    @Override
    public void act(Member member) {
        String lie = LIES.get(turn++ % LIES.size());
        List<String> others = member.others();
        for (int i = 0; i < member.burst() && !others.isEmpty(); i++) {
            String peer = others.get(member.random().nextInt(others.size()));
            switch (lie) {
                case "stranger-peers" -> member.send(peer, PacketType.PEERS, peers("stranger-" + member.random().nextInt(1000), 0), lie);
                case "false-address" -> member.send(peer, PacketType.PEERS, peers(others.get(0), 1 << 30), lie);
                case "filter-all" -> member.send(peer, PacketType.FILTER, filter((byte) 0xff), lie);
                case "filter-none" -> member.send(peer, PacketType.FILTER, filter((byte) 0), lie);
                case "lying-recon" -> member.send(peer, PacketType.RECON, randomBytes(member, 64), lie);
                default -> member.send(peer, PacketType.HAVE, randomBytes(member, 16 * 8), lie);
            }
        }
    }

    /** A one-peer peer-exchange body (the device package's wire format). */
    static byte[] peers(String name, int address) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + utf8.length + 4).put((byte) 1).put((byte) utf8.length).put(utf8).putInt(address).array();
    }

    /** An unsalted filter with the seed's hash count and every bit {@code fill}: it claims everything (0xff) or nothing (0). */
    private static byte[] filter(byte fill) {
        byte[] body = new byte[1 + FILTER_BYTES];
        Arrays.fill(body, fill);
        body[0] = (byte) BloomSeedParams.DEFAULTS.hashes();
        return body;
    }

    private static byte[] randomBytes(Member member, int n) {
        byte[] out = new byte[n];
        member.random().nextBytes(out);
        return out;
    }
}
