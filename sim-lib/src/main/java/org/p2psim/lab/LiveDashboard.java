package org.p2psim.lab;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.p2psim.Simulation;
import org.p2psim.notebook.LiveOutput;
import org.p2psim.sim.SimTime;

/**
 * The seed's dashboard, live: runs a simulation inside a notebook cell while one output of the cell
 * is redrawn in place ({@link LiveFrame}: both clocks and the speed, devices with completeness bars,
 * the topology, the latest real-world events and packets, the headline metrics).
 *
 * <pre>{@code
 * LiveDashboard live = Dashboard.live(sim).speed(100);   // 100 simulated seconds per wall second
 * live.runFor(Duration.ofHours(1));                      // interrupt the cell (■) to pause …
 * live.runFor(Duration.ofMinutes(10));                   // … and go on from the next cell
 * }</pre>
 *
 * <p><b>Pacing never reaches the simulation.</b> The loop lets simulated time run up to where the
 * wall clock allows ({@link Pacer}) and draws a frame between two events; it reads the wall clock
 * itself and the simulation never does, so the trace is the one of a plain {@code sim.runFor}.
 *
 * <p><b>Interrupting</b> (Jupyter's stop button) interrupts the cell's thread; the loop sees that
 * between two events, stops there and marks the frame "paused": the simulation is consistent and
 * the next call goes on from where it stopped. The kernel ends the cell at once, so the output keeps
 * the last frame drawn before the interrupt; a lock makes the next call wait until the interrupted
 * loop has left its event.
 *
 * <p>Outside a notebook kernel (tests, plain Java) nothing is drawn while running; the call's
 * {@link LiveRun} shows the final frame.
 */
public final class LiveDashboard {
    private static final long SLEEP_NANOS = 5_000_000L;
    private static final int PICTURE_PIXELS = 300;
    /** The topology picture is the costliest part of a frame: it is redrawn at most this often. */
    private static final long PICTURE_PERIOD_NANOS = 1_000_000_000L;

    private final Simulation sim;
    private final ReentrantLock running = new ReentrantLock();
    private String title = "simulation";
    private Pacer pacer = new Pacer(60);
    private double framesPerSecond = 3;
    private boolean picture = true;
    private Consumer<LiveFrame> listener;
    private LiveFrame last;
    private String picturePng = "";
    private long pictureDrawnAt;

    private LiveDashboard(Simulation sim) {
        this.sim = Objects.requireNonNull(sim, "sim");
    }

    /** A live dashboard over {@code sim}, at 60× until told otherwise. */
    public static LiveDashboard of(Simulation sim) {
        return new LiveDashboard(sim);
    }

    /** Simulated seconds per wall second (e.g. 100); {@code Double.POSITIVE_INFINITY} for as fast as possible. */
    public LiveDashboard speed(double simulatedSecondsPerWallSecond) {
        this.pacer = new Pacer(simulatedSecondsPerWallSecond);
        return this;
    }

    /** No pacing: as fast as the machine goes, still drawing frames. */
    public LiveDashboard asFastAsPossible() {
        this.pacer = Pacer.FLAT_OUT;
        return this;
    }

    /** How often the output is redrawn (default 3 a second); each frame draws the topology once. */
    public LiveDashboard framesPerSecond(double fps) {
        if (!(fps > 0) || fps > 1000) {
            throw new IllegalArgumentException("framesPerSecond must be in (0, 1000], was " + fps);
        }
        this.framesPerSecond = fps;
        return this;
    }

    /** The heading of every frame (default "simulation"). */
    public LiveDashboard title(String text) {
        this.title = Objects.requireNonNull(text, "title");
        return this;
    }

    /** Whether frames draw the topology picture (default yes; it is the costliest part of a frame). */
    public LiveDashboard picture(boolean draw) {
        this.picture = draw;
        return this;
    }

    /** Also hands every frame to {@code frames} (in the running thread): for tests and recordings. */
    public LiveDashboard onFrame(Consumer<LiveFrame> frames) {
        this.listener = Objects.requireNonNull(frames, "frames");
        return this;
    }

    /** The simulation this dashboard drives. */
    public Simulation simulation() {
        return sim;
    }

    /** The last frame drawn (null before the first run call). */
    public LiveFrame frame() {
        return last;
    }

    /** Runs {@code duration} of simulated time at the set speed, drawing frames; stops early when interrupted. */
    public LiveRun runFor(Duration duration) {
        return run(Math.addExact(sim.scheduler().now(), SimTime.of(duration)), () -> false);
    }

    /** Runs until every device holds every event, or {@code limit} of simulated time passes; stops early when interrupted. */
    public LiveRun runUntilConverged(Duration limit) {
        return run(Math.addExact(sim.scheduler().now(), SimTime.of(limit)), sim.metrics()::converged);
    }

    private LiveRun run(long end, BooleanSupplier goal) {
        running.lock();
        try {
            return loop(end, goal);
        } finally {
            running.unlock();
        }
    }

    private LiveRun loop(long end, BooleanSupplier goal) {
        long simStart = sim.scheduler().now();
        long wallStart = System.nanoTime();
        long period = (long) (1e9 / framesPerSecond);
        LiveOutput out = LiveOutput.open(frame(LiveFrame.State.RUNNING, simStart, end, wallStart));
        boolean drawing = out.isShown();
        long nextFrame = wallStart + period;
        LiveFrame.State state = LiveFrame.State.DONE;
        while (!goal.getAsBoolean() && sim.scheduler().now() < end) {
            if (Thread.currentThread().isInterrupted()) {
                state = LiveFrame.State.PAUSED;
                break;
            }
            long now = sim.scheduler().now();
            long target = Math.min(end, pacer.reachable(simStart, System.nanoTime() - wallStart));
            long frameDue = nextFrame;
            if (target > now) {
                BooleanSupplier stop = () -> goal.getAsBoolean() || Thread.currentThread().isInterrupted()
                        || System.nanoTime() >= frameDue;
                sim.runUntil(stop, SimTime.toDuration(target - now));
            } else if (!sleep(Math.min(SLEEP_NANOS, frameDue - System.nanoTime()))) {
                state = LiveFrame.State.PAUSED;
                break;
            }
            if (System.nanoTime() >= nextFrame) {
                nextFrame = System.nanoTime() + period;
                if (drawing || listener != null) {
                    LiveFrame f = frame(LiveFrame.State.RUNNING, simStart, end, wallStart);
                    out.update(f);
                }
            }
        }
        LiveFrame f = frame(state, simStart, end, wallStart);
        out.update(f);
        return new LiveRun(f, out.isShown());
    }

    private LiveFrame frame(LiveFrame.State state, long simStart, long end, long wallStart) {
        long nanos = System.nanoTime();
        boolean redraw = picture && (state != LiveFrame.State.RUNNING || picturePng.isEmpty()
                || nanos - pictureDrawnAt >= PICTURE_PERIOD_NANOS);
        if (redraw) {
            picturePng = LiveFrame.picture(sim, PICTURE_PIXELS);
            pictureDrawnAt = nanos;
        }
        last = LiveFrame.capture(sim, title, state, simStart, end, (nanos - wallStart) / 1e9, pacer, picture ? picturePng : "");
        if (listener != null) {
            listener.accept(last);
        }
        return last;
    }

    /** Sleeps up to {@code nanos}; false when interrupted (the flag stays set for the caller). */
    private static boolean sleep(long nanos) {
        if (nanos <= 0) {
            return !Thread.currentThread().isInterrupted();
        }
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
