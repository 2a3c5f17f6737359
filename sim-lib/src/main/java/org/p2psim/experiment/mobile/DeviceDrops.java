package org.p2psim.experiment.mobile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/**
 * One device in one run: its network switches, the packets dropped on their way to it (at a stale
 * address, in all and of type event, and while it was online; because it was offline), its online
 * share and its completeness at the end.
 */
public record DeviceDrops(int seed, String device, @RecordTable.Name("class") String deviceClass, int switches, int staleDrops, int staleEventDrops,
        int staleDropsWhileOnline, int offlineDrops, double onlineShare, double completenessAtEnd) {

    /**
     * A row per device of {@code devices} (as {@code Simulation.devicesTable()} gives: {@code device},
     * {@code online_share}, {@code completeness}) from the run's {@code packetLog}
     * ({@code Metrics.packetLog()}: {@code to}, {@code reason}, {@code type}, {@code done_s}).
     */
    public static List<DeviceDrops> of(int seed, Table devices, Table packetLog, Map<String, String> classOf, Presence presence) {
        List<DeviceDrops> rows = new ArrayList<>();
        for (int i = 0; i < devices.rowCount(); i++) {
            String d = devices.stringColumn("device").get(i);
            Table to = packetLog.where(packetLog.stringColumn("to").isEqualTo(d));
            Table stale = to.where(to.stringColumn("reason").isEqualTo("stale-address"));
            OnlineWindows windows = presence.windows(d);
            int whileOnline = (int) Arrays.stream(stale.doubleColumn("done_s").asDoubleArray()).filter(windows::onlineAt).count();
            rows.add(new DeviceDrops(seed, d, classOf.get(d), presence.switches(d).length, stale.rowCount(),
                    stale.where(stale.stringColumn("type").isEqualTo("event")).rowCount(), whileOnline,
                    to.where(to.stringColumn("reason").isEqualTo("offline")).rowCount(),
                    devices.doubleColumn("online_share").get(i), devices.doubleColumn("completeness").get(i)));
        }
        return rows;
    }
}
