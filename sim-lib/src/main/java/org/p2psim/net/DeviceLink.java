package org.p2psim.net;

import java.util.function.LongSupplier;
import org.p2psim.net.link.Bandwidth;
import org.p2psim.net.link.TokenBucket;

/**
 * One device's connection to the network: whether it is online, its current address (see
 * {@link Network#switchAddress}), and the {@link Bandwidth} of its
 * uplink (what it sends) and downlink (what it receives), each with its own token bucket and queue.
 * A packet crosses the sender's uplink, then the link's latency, then the receiver's downlink.
 *
 * <p>Setters return this object and take effect at the current simulated instant; packets already
 * queued keep the departure times they were given.
 * {@code network.device("alice").uplink(125_000).downlink(1_250_000).queue(64 * 1024)}.
 */
public final class DeviceLink {
    private final String name;
    private final Endpoint endpoint;
    private final LongSupplier clock;
    private final TokenBucket uplink = new TokenBucket(Bandwidth.UNLIMITED);
    private final TokenBucket downlink = new TokenBucket(Bandwidth.UNLIMITED);
    private boolean online = true;
    private int address = Network.FIRST_ADDRESS;
    /** Until this simulated time (µs) the device is between networks after an address switch. */
    private long handoverUntil = Long.MIN_VALUE;

    DeviceLink(String name, Endpoint endpoint, LongSupplier clock) {
        this.name = name;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    public boolean isOnline() {
        return online;
    }

    /** The device's current network address: {@link Network#FIRST_ADDRESS}, then one more per switch. */
    public int address() {
        return address;
    }

    /** Whether the device is between networks now, after an address switch: it neither sends nor receives. */
    public boolean inHandover() {
        return clock.getAsLong() < handoverUntil;
    }

    /** Online and not between networks: what the network checks for each packet. */
    boolean isConnected(long now) {
        return online && now >= handoverUntil;
    }

    /** Takes the next address, reachable from {@code reachableAt} (µs) on; returns it. */
    int switchAddress(long reachableAt) {
        address = Math.incrementExact(address);
        handoverUntil = reachableAt;
        return address;
    }

    /** An offline device neither sends nor receives: its packets end as {@link Outcome#OFFLINE}. */
    public DeviceLink online(boolean isOnline) {
        this.online = isOnline;
        return this;
    }

    public Bandwidth uplink() {
        return uplink.config();
    }

    public Bandwidth downlink() {
        return downlink.config();
    }

    /** Uplink rate in bytes/s (1 Mbit/s = 125 000), keeping its bucket and queue sizes. */
    public DeviceLink uplink(double bytesPerSecond) {
        return uplink(uplink().withRate(Bandwidth.requireRate("net.uplink", bytesPerSecond)));
    }

    public DeviceLink uplink(Bandwidth bandwidth) {
        uplink.reconfigure(bandwidth, clock.getAsLong());
        return this;
    }

    /** Downlink rate in bytes/s, keeping its bucket and queue sizes. */
    public DeviceLink downlink(double bytesPerSecond) {
        return downlink(downlink().withRate(Bandwidth.requireRate("net.downlink", bytesPerSecond)));
    }

    public DeviceLink downlink(Bandwidth bandwidth) {
        downlink.reconfigure(bandwidth, clock.getAsLong());
        return this;
    }

    /** Token bucket size of both directions, in bytes. */
    public DeviceLink burst(long bytes) {
        return uplink(uplink().withBurst(bytes)).downlink(downlink().withBurst(bytes));
    }

    /** Queue capacity of both directions, in bytes. */
    public DeviceLink queue(long bytes) {
        return uplink(uplink().withQueue(bytes)).downlink(downlink().withQueue(bytes));
    }

    /** Removes both rate limits. */
    public DeviceLink unlimited() {
        return uplink(Bandwidth.UNLIMITED).downlink(Bandwidth.UNLIMITED);
    }

    /** Bytes waiting in the uplink queue now. */
    public long uplinkQueuedBytes() {
        return uplink.queuedBytes(clock.getAsLong());
    }

    /** Bytes waiting in the downlink queue now. */
    public long downlinkQueuedBytes() {
        return downlink.queuedBytes(clock.getAsLong());
    }

    Endpoint endpoint() {
        return endpoint;
    }

    TokenBucket uplinkBucket() {
        return uplink;
    }

    TokenBucket downlinkBucket() {
        return downlink;
    }

    @Override
    public String toString() {
        return "DeviceLink[" + name + (online ? ", online" : ", offline") + ", address " + address + ", up " + uplink() + ", down " + downlink() + "]";
    }
}
