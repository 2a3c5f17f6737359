package org.p2psim.crypto;

import java.util.HashMap;
import java.util.Map;

/**
 * The public keys a device trusts, by device id: the seed's out-of-band key exchange, where every
 * member of a community knows every other member's key.
 */
public final class KeyDirectory {

    private final Map<DeviceId, Ed25519PublicKey> keys = new HashMap<>();

    public KeyDirectory add(byte[] publicKey) {
        keys.put(DeviceId.ofPublicKey(publicKey), Ed25519PublicKey.of(publicKey));
        return this;
    }

    /** The key of {@code device}, or null when the device is unknown. */
    public Ed25519PublicKey lookup(DeviceId device) {
        return keys.get(device);
    }

    public int size() {
        return keys.size();
    }
}
