package org.p2psim.experiment.mobile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * One time a device came back online: whether it switched networks while it was away, and how
 * long after the start of the window the first packet from a peer reached it ({@code NaN} when
 * none did before the window closed).
 */
public record WakeUp(int seed, String device, @RecordTable.Name("class") String deviceClass, boolean switchedWhileSuspended, double firstPacketInS) {

    /**
     * A row per window after the first of each device of {@code classOf}, from the run's
     * {@code packetLog} ({@code Metrics.packetLog()}: {@code to}, {@code fate}, {@code done_s}).
     */
    public static List<WakeUp> of(int seed, Table packetLog, Map<String, String> classOf, Presence presence) {
        List<WakeUp> rows = new ArrayList<>();
        for (String d : classOf.keySet()) {
            List<OnlineWindows.Window> ws = presence.windows(d).windows();
            if (ws.size() < 2) {
                continue;
            }
            Table in = packetLog.where(packetLog.stringColumn("to").isEqualTo(d).and(packetLog.stringColumn("fate").isEqualTo("delivered")));
            double[] arrivals = in.doubleColumn("done_s").asDoubleArray();
            Arrays.sort(arrivals);
            double[] switchTimes = presence.switches(d);
            for (int k = 1; k < ws.size(); k++) {
                double start = ws.get(k).startS();
                double previousEnd = ws.get(k - 1).endS();
                boolean switched = Arrays.stream(switchTimes).anyMatch(x -> x >= previousEnd && x < start);
                rows.add(new WakeUp(seed, d, classOf.get(d), switched, firstArrival(arrivals, ws.get(k)) - start));
            }
        }
        return rows;
    }

    /** The first of the sorted {@code arrivals} inside {@code w}, NaN when there is none. */
    private static double firstArrival(double[] arrivals, OnlineWindows.Window w) {
        int at = Arrays.binarySearch(arrivals, w.startS());
        int idx = at >= 0 ? at : -at - 1;
        return idx < arrivals.length && arrivals[idx] < w.endS() ? arrivals[idx] : Double.NaN;
    }
}
