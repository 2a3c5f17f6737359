package org.p2psim.net;

import java.nio.ByteBuffer;
import org.p2psim.crypto.Bytes;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.SignatureMode;

/**
 * A signed packet as it travels: {@code u8 version | u8 type | sender device id (16) | i64 sender
 * clock µs | u16 body length | body | signature (64)}; the signature (Ed25519, or its stand-in in
 * {@link SignatureMode#FAST fast mode}) covers every byte before it.
 */
public record Packet(PacketType type, DeviceId sender, long timestamp, byte[] body, byte[] wire) {
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 1 + 1 + DeviceId.BYTES + 8 + 2;
    public static final int SIGNATURE_BYTES = Ed25519KeyPair.SIGNATURE_BYTES;
    /** Bytes a packet adds around its body. */
    public static final int OVERHEAD = HEADER_BYTES + SIGNATURE_BYTES;
    public static final int MAX_BODY = 0xffff;

    /** Builds and signs a packet with Ed25519. */
    public static Packet sign(PacketType type, Ed25519KeyPair sender, DeviceId senderId, long timestamp, byte[] body) {
        return sign(type, SignatureMode.REAL, sender, senderId, timestamp, body);
    }

    /** Builds and signs a packet in the given signature mode. */
    public static Packet sign(PacketType type, SignatureMode mode, Ed25519KeyPair sender, DeviceId senderId,
                              long timestamp, byte[] body) {
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("packet body of " + body.length + " bytes exceeds " + MAX_BODY);
        }
        byte[] wire = new byte[OVERHEAD + body.length];
        ByteBuffer out = ByteBuffer.wrap(wire);
        out.put((byte) VERSION).put((byte) type.code());
        senderId.writeTo(wire, 2);
        out.position(2 + DeviceId.BYTES);
        out.putLong(timestamp).putShort((short) body.length).put(body);
        int signed = HEADER_BYTES + body.length;
        mode.sign(sender, wire, signed, wire, signed);
        return new Packet(type, senderId, timestamp, body, wire);
    }

    /** Parses wire bytes without checking the signature; null when they are not a packet. */
    public static Packet parse(byte[] wire) {
        if (wire.length < OVERHEAD || (wire[0] & 0xff) != VERSION) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(wire);
        in.position(1);
        PacketType type = PacketType.ofCode(in.get() & 0xff);
        DeviceId sender = DeviceId.fromBytes(wire, 2);
        in.position(2 + DeviceId.BYTES);
        long timestamp = in.getLong();
        int bodyLength = in.getShort() & 0xffff;
        if (type == null || wire.length != OVERHEAD + bodyLength) {
            return null;
        }
        byte[] body = new byte[bodyLength];
        in.get(body);
        return new Packet(type, sender, timestamp, body, wire);
    }

    public int size() {
        return wire.length;
    }

    public int signedLength() {
        return wire.length - SIGNATURE_BYTES;
    }

    /**
     * A 64-bit fingerprint of everything the signature covers: it tells packets apart in the
     * packet log and the replay cache, and is the same whatever the signature mode.
     */
    public long fingerprint() {
        return Bytes.fingerprint(wire, signedLength());
    }
}
