package org.p2psim.net;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.p2psim.crypto.Ed25519PublicKey;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;

/**
 * Packet signatures checked ahead on other cores, consumed in event order. When a device sends a
 * packet, its Ed25519 check (a pure function of the bytes and the sender's key) starts on a pool;
 * when the packet is delivered, {@link PacketVerifier} takes the result instead of checking it then
 * (or checks it itself when no worker has started it yet). The result is the one an inline check
 * gives, so a run's trace does not depend on the number of threads: only where the work happens does.
 *
 * <p>Only the simulation thread calls {@link #sent} and {@link #verify}. A check is used only for
 * the very array it was started on, under the same key and length, and only when the bytes are
 * still the ones it checked (it works on its own copy); anything else is checked inline. Checks that
 * no delivery consumes (lost packets) are forgotten {@link #HORIZON_US} after they were sent.
 */
public final class SignatureLookahead implements AutoCloseable {
    /** Checks every signature inline, on the simulation thread. */
    public static final SignatureLookahead OFF = new SignatureLookahead(null, null);
    /** The system property that sets the threads of a run (default: every core). */
    public static final String THREADS_PROPERTY = "p2psim.threads";
    static final long HORIZON_US = 120_000_000L;

    private final KeyDirectory keys;
    private final ExecutorService pool;
    private final Map<byte[], Check> pending = new IdentityHashMap<>();
    private final ArrayDeque<Check> bySendTime = new ArrayDeque<>();

    private SignatureLookahead(KeyDirectory keys, ExecutorService pool) {
        this.keys = keys;
        this.pool = pool;
    }

    /**
     * Checks ahead on {@code threads − 1} workers (the simulation thread is the other one) when
     * signatures are real and {@code threads > 1}; else {@link #OFF}. Fast signatures cost less than
     * handing them to another thread.
     */
    public static SignatureLookahead of(KeyDirectory keys, SignatureMode mode, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(THREADS_PROPERTY + " must be >= 1, was " + threads);
        }
        if (mode != SignatureMode.REAL || threads == 1) {
            return OFF;
        }
        AtomicInteger count = new AtomicInteger();
        return new SignatureLookahead(keys, Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "p2psim-verify-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /** The threads of a run: the system property {@value #THREADS_PROPERTY}, else every core. */
    public static int configuredThreads() {
        return Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors());
    }

    public boolean isOn() {
        return pool != null;
    }

    /** {@code packet} was just signed and handed to the network at simulated time {@code now}. */
    public void sent(Packet packet, long now) {
        if (pool == null) {
            return;
        }
        forgetBefore(now - HORIZON_US);
        Ed25519PublicKey key = keys.lookup(packet.sender());
        if (key == null) {
            return;
        }
        byte[] wire = packet.wire();
        Check check = new Check(wire, key, packet.signedLength(), now);
        pending.put(wire, check);
        bySendTime.addLast(check);
        pool.execute(check.task);
    }

    /** Whether the signature at {@code wire[length, length + 64)} signs {@code wire[0, length)} under {@code key}. */
    public boolean verify(SignatureMode mode, Ed25519PublicKey key, byte[] wire, int length) {
        Check check = pending.isEmpty() ? null : pending.remove(wire);
        if (check == null || check.key != key || check.length != length || !Arrays.equals(check.bytes, wire)) {
            return mode.verify(key, wire, length, wire, length);
        }
        check.task.run(); // does the check here unless a worker has started it
        try {
            return check.task.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a signature check failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return mode.verify(key, wire, length, wire, length);
        }
    }

    private void forgetBefore(long time) {
        while (!bySendTime.isEmpty() && bySendTime.peekFirst().sentAt < time) {
            Check old = bySendTime.pollFirst();
            pending.remove(old.wire, old);
            old.task.cancel(false);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** One check: a copy of the bytes, so that it answers for exactly these bytes. */
    private static final class Check {
        final byte[] wire;
        final byte[] bytes;
        final Ed25519PublicKey key;
        final int length;
        final long sentAt;
        final FutureTask<Boolean> task;

        Check(byte[] wire, Ed25519PublicKey key, int length, long sentAt) {
            this.wire = wire;
            this.bytes = wire.clone();
            this.key = key;
            this.length = length;
            this.sentAt = sentAt;
            this.task = new FutureTask<>(() -> SignatureMode.REAL.verify(key, bytes, length, bytes, length));
        }
    }
}
