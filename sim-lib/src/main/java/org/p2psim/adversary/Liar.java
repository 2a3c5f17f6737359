package org.p2psim.adversary;

import java.util.List;
import java.util.random.RandomGenerator;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.sim.RandomStreams;
import org.p2psim.sync.range.RangeMessages;

/**
 * Tells lies in validly signed packets, one kind per act in turn, each to up to {@code burst} other
 * devices. Crude ones: peer lists naming strangers or giving a real peer an address it never had,
 * reconciliation messages and have-lists of random bytes. Well-formed ones, in the wire format of
 * the strategy its own device runs: Bloom filters claiming everything or nothing, reconciliation
 * fingerprints that match nothing it holds, id lists and want-lists naming events that do not exist,
 * and a CODED request for every symbol there is. And whenever a peer asks it for coded symbols, it
 * first answers with junk ones of the right session and indices (its honest software answers too,
 * later). What a lie is made of comes from its own stream {@code hostile/NAME/lies}.
 */
final class Liar implements Role {
    static final List<String> LIES = List.of("stranger-peers", "false-address", "filter-all", "filter-none", "lying-recon", "lying-have",
            "recon-fingerprints", "recon-phantom-ids", "phantom-want", "coded-request");
    private int turn;
    private RandomGenerator lies;

    @Override
    public String name() {
        return "liar";
    }

    @Override
    public void start(Member member) {
        lies = new RandomStreams(member.sim().seed()).stream("hostile/" + member.name() + "/lies");
        member.device().tap(wire -> junkFirst(member, wire));
    }

    @Override
    public void act(Member member) {
        String lie = LIES.get(turn++ % LIES.size());
        List<String> others = member.others();
        for (int i = 0; i < member.burst() && !others.isEmpty(); i++) {
            String peer = others.get(member.random().nextInt(others.size()));
            PacketType type = switch (lie) {
                case "stranger-peers", "false-address" -> PacketType.PEERS;
                case "filter-all", "filter-none" -> PacketType.FILTER;
                case "lying-recon", "recon-fingerprints", "recon-phantom-ids" -> PacketType.RECON;
                case "lying-have" -> PacketType.HAVE;
                case "phantom-want" -> PacketType.WANT;
                default -> PacketType.CODED;
            };
            member.send(peer, type, body(member, lie, others), lie);
        }
    }

    private byte[] body(Member member, String lie, List<String> others) {
        long clock = member.device().clock();
        String strategy = member.device().strategy().name();
        return switch (lie) {
            case "stranger-peers" -> Forgeries.peers("stranger-" + member.random().nextInt(1000), 0);
            case "false-address" -> Forgeries.peers(others.get(0), 1 << 30);
            case "filter-all" -> Forgeries.filter(strategy, (byte) 0xff, clock, lies);
            case "filter-none" -> Forgeries.filter(strategy, (byte) 0, clock, lies);
            case "lying-recon" -> randomBytes(member, 64);
            case "lying-have" -> randomBytes(member, 16 * 8);
            case "recon-fingerprints" -> Forgeries.reconFingerprints(clock, lies);
            case "recon-phantom-ids" -> RangeMessages.idList(Forgeries.phantomIds(lies));
            case "phantom-want" -> Forgeries.idList(Forgeries.phantomIds(lies));
            default -> Forgeries.codedRequest(lies);
        };
    }

    /** A CODED request reaching the liar is answered first with junk symbols of its session and indices. */
    private void junkFirst(Member member, byte[] wire) {
        Packet packet = Packet.parse(wire);
        int[] request = packet == null || packet.type() != PacketType.CODED ? null : Forgeries.codedRequestOf(packet.body());
        String peer = request == null ? null : member.sim().deviceNameOf(packet.sender().hex());
        if (peer != null) {
            member.send(peer, PacketType.CODED, Forgeries.codedJunk(request[0], request[1], request[2], lies), "coded-junk");
        }
    }

    private static byte[] randomBytes(Member member, int n) {
        byte[] out = new byte[n];
        member.random().nextBytes(out);
        return out;
    }
}
