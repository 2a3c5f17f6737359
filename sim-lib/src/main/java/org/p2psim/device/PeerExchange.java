package org.p2psim.device;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a peer-exchange packet: {@code u8 count || (u8 length || UTF-8 address)*}, at most
 * {@link #MAX_PEERS} addresses of at most 255 bytes each.
 */
final class PeerExchange {
    static final int MAX_PEERS = 32;

    private PeerExchange() {}

    static byte[] encode(List<String> peers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> sent = peers.subList(0, Math.min(MAX_PEERS, peers.size()));
        out.write(sent.size());
        for (String peer : sent) {
            byte[] utf8 = peer.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > 255) {
                throw new IllegalArgumentException("peer address longer than 255 bytes: " + peer);
            }
            out.write(utf8.length);
            out.write(utf8, 0, utf8.length);
        }
        return out.toByteArray();
    }

    /** The addresses in {@code body}, or an empty list when it is malformed. */
    static List<String> decode(byte[] body) {
        try {
            ByteBuffer in = ByteBuffer.wrap(body);
            int count = in.get() & 0xff;
            List<String> peers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] utf8 = new byte[in.get() & 0xff];
                in.get(utf8);
                peers.add(new String(utf8, StandardCharsets.UTF_8));
            }
            return in.hasRemaining() ? List.of() : peers;
        } catch (BufferUnderflowException e) {
            return List.of();
        }
    }
}
