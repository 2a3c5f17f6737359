package org.p2psim.metrics.collect;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.p2psim.metrics.facts.PacketRow;

/** SHA-256 over the packet log, fed row by row: equal for equal runs, different as soon as one byte differs. */
final class TraceHash {
    private final MessageDigest digest;
    private final ByteBuffer scratch = ByteBuffer.allocate(64);

    TraceHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    void add(PacketRow row) {
        scratch.clear();
        scratch.putLong(row.sentAt()).putLong(row.doneAt()).putInt(row.bytes()).putLong(row.fingerprint())
                .put((byte) (row.duplicate() ? 1 : 0));
        digest.update(scratch.array(), 0, scratch.position());
        for (String field : new String[] {row.from(), row.to(), row.type(), row.fate(), row.reason()}) {
            digest.update(field.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }

    /** The hash of the rows so far; the digest is cloned so more rows can follow. */
    String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }
}
