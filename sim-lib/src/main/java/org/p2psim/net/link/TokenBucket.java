package org.p2psim.net.link;

import java.util.ArrayDeque;
import org.p2psim.sim.SimTime;

/**
 * The running state of one {@link Bandwidth}: tokens, the last departure and the queue. Nothing
 * ticks: {@link #admit} computes, when a packet arrives, the instant it will leave (see
 * {@link Bandwidth} for the rule), and the network schedules the packet for that instant. Times
 * are simulated microseconds.
 */
public final class TokenBucket {
    /** What {@link #admit} returns for a packet the full queue drops. */
    public static final long DROPPED = -1;

    private Bandwidth config;
    /** Tokens (bytes) at time {@link #last}. */
    private double tokens;
    /** Departure time of the latest admitted packet, or when the tokens were last settled (µs). */
    private long last;
    private final ArrayDeque<long[]> waiting = new ArrayDeque<>();
    private long queuedBytes;

    public TokenBucket(Bandwidth config) {
        this.config = config;
        this.tokens = config.burstBytes();
    }

    public Bandwidth config() {
        return config;
    }

    /** Switches to {@code next} at {@code now}; packets already admitted keep their departure times. */
    public void reconfigure(Bandwidth next, long now) {
        if (config.isUnlimited()) {
            tokens = next.burstBytes();
        } else if (last < now) {
            tokens = tokensAt(now);
        }
        last = Math.max(last, now);
        tokens = Math.min(tokens, next.burstBytes());
        config = next;
    }

    /** A packet of {@code bytes} arrives at {@code now}: returns when it leaves, or {@link #DROPPED}. */
    public long admit(long now, int bytes) {
        release(now);
        long ready = Math.max(now, last);
        if (config.isUnlimited()) {
            return ready;
        }
        double available = tokensAt(ready);
        double need = Math.min(bytes, config.burstBytes());
        long departs = available >= need ? ready : ready + (long) Math.ceil((need - available) * SimTime.MICROS_PER_SECOND / config.bytesPerSecond());
        if (departs > now && queuedBytes + bytes > config.queueBytes()) {
            return DROPPED;
        }
        tokens = tokensAt(departs) - bytes;
        last = departs;
        if (departs > now) {
            waiting.addLast(new long[] {departs, bytes});
            queuedBytes += bytes;
        }
        return departs;
    }

    /** Bytes that have arrived by {@code now} and not yet left. */
    public long queuedBytes(long now) {
        release(now);
        return queuedBytes;
    }

    private double tokensAt(long time) {
        double refill = config.bytesPerSecond() * (time - last) / SimTime.MICROS_PER_SECOND;
        return Math.min(config.burstBytes(), tokens + refill);
    }

    private void release(long now) {
        while (!waiting.isEmpty() && waiting.peekFirst()[0] <= now) {
            queuedBytes -= waiting.pollFirst()[1];
        }
    }
}
