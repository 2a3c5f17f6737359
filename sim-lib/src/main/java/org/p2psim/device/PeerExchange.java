package org.p2psim.device;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.p2psim.net.Network;

/**
 * The body of a peer-exchange packet: {@code u8 count || (u8 length || UTF-8 name || u32 address)*},
 * each peer with the newest address its sender knows for it. At most {@link #MAX_PEERS} peers, names
 * of 1 to 255 bytes, addresses from 0 to 2³¹ − 1, and no more bytes than the body may have (peers
 * that do not fit are left out, in table order). A body that breaks any of these, names a peer
 * twice, or has bytes after its last peer is malformed.
 */
final class PeerExchange {
    static final int MAX_PEERS = 32;
    static final int MAX_NAME_BYTES = 255;
    static final int ADDRESS_BYTES = 4;

    /** One peer of the list and its address. */
    record Entry(String peer, int address) {}

    private PeerExchange() {}

    /**
     * Whether an entry may enter a peer table: it names an attached device (so every name in the
     * table can be sent to) at an address that device has had. Addresses are numbered in the order a
     * device has them, so a later one is a lie; in a real network the peer would prove an address by
     * a signed packet from it, and this check stands in for that.
     */
    static boolean plausible(Entry entry, Network network) {
        try {
            return entry.address() <= network.address(entry.peer());
        } catch (IllegalArgumentException notAttached) {
            return false;
        }
    }

    /** The body listing {@code peers} at their addresses, in at most {@code maxBytes} bytes. */
    static byte[] encode(List<String> peers, ToIntFunction<String> addressOf, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("a peer-exchange body needs at least 1 byte, was given " + maxBytes);
        }
        ByteBuffer out = ByteBuffer.allocate(maxBytes);
        out.put((byte) 0);
        int count = 0;
        for (String peer : peers) {
            byte[] utf8 = peer.getBytes(StandardCharsets.UTF_8);
            if (utf8.length == 0 || utf8.length > MAX_NAME_BYTES) {
                throw new IllegalArgumentException("a peer's name must be 1 to " + MAX_NAME_BYTES + " bytes of UTF-8, was "
                        + utf8.length + " ('" + peer + "')");
            }
            if (count == MAX_PEERS || out.remaining() < 1 + utf8.length + ADDRESS_BYTES) {
                break;
            }
            out.put((byte) utf8.length).put(utf8).putInt(addressOf.applyAsInt(peer));
            count++;
        }
        out.put(0, (byte) count);
        byte[] body = new byte[out.position()];
        out.flip().get(body);
        return body;
    }

    /** The peers and addresses in {@code body}, or null when it is malformed. */
    static List<Entry> decode(byte[] body) {
        try {
            ByteBuffer in = ByteBuffer.wrap(body);
            int count = in.get() & 0xff;
            if (count > MAX_PEERS) {
                return null;
            }
            List<Entry> entries = new ArrayList<>(count);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < count; i++) {
                Entry entry = entry(in);
                if (entry == null || !seen.add(entry.peer())) {
                    return null;
                }
                entries.add(entry);
            }
            return in.hasRemaining() ? null : entries;
        } catch (BufferUnderflowException | CharacterCodingException e) {
            return null;
        }
    }

    private static Entry entry(ByteBuffer in) throws CharacterCodingException {
        int length = in.get() & 0xff;
        if (length == 0) {
            return null;
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        String peer = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(utf8)).toString();
        int address = in.getInt();
        return address < 0 ? null : new Entry(peer, address);
    }
}
