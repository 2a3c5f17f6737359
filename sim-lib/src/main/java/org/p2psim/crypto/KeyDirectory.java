package org.p2psim.crypto;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys a device trusts, by device id: the seed's out-of-band key exchange, where every
 * member of a community knows every other member's key.
 *
 * <p>Keys are only ever added (a member joins), never removed or replaced for an id (the id is a
 * hash of the key). Lookups are safe from any thread while the simulation thread adds: work done
 * ahead on other cores (opening an event, which looks up its author) reads it.
 */
public final class KeyDirectory {

    private final Map<DeviceId, Ed25519PublicKey> keys = new ConcurrentHashMap<>();

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
