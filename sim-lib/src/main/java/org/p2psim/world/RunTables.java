package org.p2psim.world;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.p2psim.client.Client;
import org.p2psim.client.FileInfo;
import org.p2psim.device.Device;
import org.p2psim.sim.SimTime;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/** The result tables of a run read from its devices now: devices, missing events, file progress and completion. */
public final class RunTables {
    private final Community community;

    public RunTables(Community community) {
        this.community = community;
    }

    /** Completeness of every device from time 0 until now, as a step curve. */
    public Table completeness() {
        return community.metrics().completeness(community.scheduler().now());
    }

    /** Per device: the metrics' device row and its account. */
    public Table devicesTable() {
        Table t = community.metrics().devicesTable(community.scheduler().now());
        StringColumn account = StringColumn.create("account");
        for (String name : t.stringColumn("device")) {
            Device d = community.findDevice(name);
            account.append(d == null ? "" : d.account());
        }
        return t.addColumns(account);
    }

    /** An event {@code holder} holds and {@code lacker} lacks, and whether the holder's strategy believes otherwise. */
    record MissingEvent(String holder, String lacker, String eventId, boolean holderBelievesLackerHasIt) {
    }

    public Table missingEvents() {
        List<MissingEvent> rows = new ArrayList<>();
        for (Device holder : community.devices()) {
            for (Device lacker : community.devices()) {
                if (holder == lacker) {
                    continue;
                }
                for (String id : holder.store().eventIdsInArrivalOrder()) {
                    if (!lacker.store().contains(id)) {
                        rows.add(new MissingEvent(holder.name(), lacker.name(), id,
                                holder.strategy().believesPeerHas(lacker.name(), id)));
                    }
                }
            }
        }
        return RecordTable.of("missing events", MissingEvent.class, rows);
    }

    public Table fileProgress(String fileId) {
        int total = chunkCountOf(fileId);
        Table all = null;
        for (Device d : community.devices()) {
            Table t = Client.of(d).fileProgress(fileId);
            t.insertColumn(0, StringColumn.create("device", t.rowCount()).set(Selection.withRange(0, t.rowCount()), d.name()));
            all = all == null ? t : all.append(t);
        }
        all.addColumns(IntColumn.create("chunk_count", all.rowCount()).setMissingTo(total),
                all.intColumn("chunks_held").divide(total).setName("fraction"));
        return all.setName("file " + fileId + ": chunks held over time");
    }

    /** One device's hold on a file; {@code completedS} is missing while incomplete. */
    record FileCompletion(String device, int chunksHeld, int chunkCount, boolean complete, OptionalDouble completedS) {
    }

    public Table fileCompletion(String fileId) {
        int total = chunkCountOf(fileId);
        List<FileCompletion> rows = new ArrayList<>();
        for (Device d : community.devices()) {
            Table progress = Client.of(d).fileProgress(fileId);
            FileInfo meta = Client.of(d).findFile(fileId).orElse(null);
            boolean done = meta != null && meta.complete();
            OptionalDouble completed = OptionalDouble.empty();
            if (done) {
                double last = progress.rowCount() == 0 ? 0 : progress.doubleColumn("time_s").get(progress.rowCount() - 1);
                completed = OptionalDouble.of(Math.max(last, SimTime.toSeconds(meta.receivedTs())));
            }
            rows.add(new FileCompletion(d.name(), progress.rowCount(), total, done, completed));
        }
        return RecordTable.of("file " + fileId + ": completion per device", FileCompletion.class, rows);
    }

    private int chunkCountOf(String fileId) {
        for (Device d : community.devices()) {
            var found = Client.of(d).findFile(fileId);
            if (found.isPresent()) {
                return found.get().chunkCount();
            }
        }
        throw new IllegalArgumentException("no device of this run holds a file with id " + fileId);
    }
}
