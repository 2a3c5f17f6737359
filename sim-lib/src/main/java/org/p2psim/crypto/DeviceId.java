package org.p2psim.crypto;

import java.util.HexFormat;

/**
 * A device's identity on the wire: the first 16 bytes of BLAKE3 over its Ed25519 public key.
 * Compared by value; printed as 32 lowercase hex characters.
 */
public final class DeviceId implements Comparable<DeviceId> {
    public static final int BYTES = 16;

    private final long high;
    private final long low;

    private DeviceId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    public static DeviceId ofPublicKey(byte[] publicKey) {
        return fromBytes(Blake3.hash(publicKey, BYTES), 0);
    }

    public static DeviceId fromBytes(byte[] bytes, int offset) {
        if (offset < 0 || bytes.length - offset < BYTES) {
            throw new IllegalArgumentException("a device id needs " + BYTES + " bytes at offset " + offset
                    + ", the array has " + bytes.length);
        }
        return new DeviceId(Bytes.readLong(bytes, offset), Bytes.readLong(bytes, offset + 8));
    }

    public static DeviceId parse(String hex) {
        if (hex == null || hex.length() != 2 * BYTES) {
            throw new IllegalArgumentException("a device id is " + 2 * BYTES + " hex characters, got '" + hex + "'");
        }
        return fromBytes(HexFormat.of().parseHex(hex), 0);
    }

    public void writeTo(byte[] out, int offset) {
        Bytes.writeLong(out, offset, high);
        Bytes.writeLong(out, offset + 8, low);
    }

    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        writeTo(out, 0);
        return out;
    }

    public String hex() {
        return HexFormat.of().formatHex(toBytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceId other && other.high == high && other.low == low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + low);
    }

    @Override
    public int compareTo(DeviceId o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    @Override
    public String toString() {
        return hex();
    }
}
