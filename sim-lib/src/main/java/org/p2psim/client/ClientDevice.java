package org.p2psim.client;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.p2psim.crypto.FileKey;
import org.p2psim.device.FetchPolicy;
import org.p2psim.event.Event;
import org.p2psim.event.Payload;
import org.p2psim.store.DeviceStore;

/** The device as its client's parts see it: what they author through, read from and name authors by. */
final class ClientDevice {
    private final Function<Payload, Event> author;
    private final DeviceStore store;
    private final Supplier<FileKey> newFileKey;
    private final Supplier<List<String>> peers;
    private final BooleanSupplier online;
    private final String deviceId;
    private final String account;
    private final FetchPolicy fetch;
    private Function<String, String> authorNames = Function.identity();

    ClientDevice(Function<Payload, Event> author, DeviceStore store, Supplier<FileKey> newFileKey,
                 Supplier<List<String>> peers, BooleanSupplier online, String deviceId, String account, FetchPolicy fetch) {
        this.author = Objects.requireNonNull(author, "author");
        this.store = Objects.requireNonNull(store, "store");
        this.newFileKey = Objects.requireNonNull(newFileKey, "newFileKey");
        this.peers = Objects.requireNonNull(peers, "peers");
        this.online = Objects.requireNonNull(online, "online");
        if (deviceId != null) {
            requireId(deviceId, "deviceId");
        }
        this.deviceId = deviceId;
        this.account = Objects.requireNonNull(account, "account");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
    }

    /** Creates, seals and stores an event on the device. */
    Event author(Payload payload) {
        return author.apply(payload);
    }

    DeviceStore store() {
        return store;
    }

    String deviceName() {
        return store.deviceName();
    }

    FileKey newFileKey() {
        return newFileKey.get();
    }

    List<String> peers() {
        return peers.get();
    }

    boolean online() {
        return online.getAsBoolean();
    }

    /** The device's id (hex), or null for a client made without it. */
    String deviceId() {
        return deviceId;
    }

    String account() {
        return account;
    }

    FetchPolicy fetch() {
        return fetch;
    }

    void authorNames(Function<String, String> names) {
        this.authorNames = Objects.requireNonNull(names, "names");
    }

    /** How an author id shows: its name where known, else the id. */
    String nameOf(String authorId) {
        String name = authorNames.apply(authorId);
        return name == null ? authorId : name;
    }

    static void requireLimit(int limit) {
        if (limit < 1 || limit > Client.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in [1, " + Client.MAX_LIMIT + "], was " + limit);
        }
    }

    static void requireId(String id, String what) {
        if (id == null || id.length() != 32 || !id.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            throw new IllegalArgumentException(what + " must be 32 lowercase hex characters, got "
                    + (id == null ? "null" : "'" + id + "'"));
        }
    }
}
