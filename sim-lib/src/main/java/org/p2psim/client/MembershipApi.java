package org.p2psim.client;

import static org.p2psim.client.ClientDevice.requireId;

import java.util.List;
import org.p2psim.event.Grant;
import org.p2psim.sim.SimTime;
import org.p2psim.store.DeviceStore;
import org.p2psim.table.RecordTable;
import tech.tablesaw.api.Table;

/** Membership as one device records and sees it: invite, join and device-authorisation grants, and its {@code auth_graph} view. */
final class MembershipApi {
    private static final String AUTH_GRAPH = "SELECT a.event_id, a.action, a.subject, a.author_user, a.ts, a.author_device,"
            + " a.invite_id, e.received_ts FROM auth_graph a JOIN events e ON e.event_id = a.event_id ORDER BY a.ts, a.event_id";

    private final ClientDevice device;
    private final DeviceStore store;

    MembershipApi(ClientDevice device) {
        this.device = device;
        this.store = device.store();
    }

    String recordInvite(String inviteId) {
        return device.author(Grant.invite(inviteId, device.account())).id().hex();
    }

    String announceJoin(String inviteId) {
        if (device.deviceId() == null) {
            throw new IllegalStateException("client of " + device.deviceName() + " was made without its device id, so it cannot"
                    + " announce its own join; use the constructor that takes deviceId and account");
        }
        return device.author(Grant.join(device.deviceId(), device.account(), inviteId)).id().hex();
    }

    String authorizeDevice(String newDeviceId) {
        requireId(newDeviceId, "newDeviceId");
        return device.author(Grant.authorizeDevice(newDeviceId, device.account())).id().hex();
    }

    /** One row of {@link #authGraph()}. */
    record GrantRow(String eventId, String action, String subject, String subjectName, String account, String author,
                    String inviteId, long ts, double receivedS) {}

    Table authGraph() {
        List<GrantRow> rows = store.select(AUTH_GRAPH, DeviceStore.Binder.NONE, rs -> {
            String action = rs.getString(2);
            String subject = rs.getString(3);
            String invite = rs.getString(7);
            return new GrantRow(rs.getString(1), action, subject,
                    action.equals(Grant.Action.INVITE.label()) ? subject : device.nameOf(subject), rs.getString(4),
                    device.nameOf(rs.getString(6)), invite == null ? "" : invite, rs.getLong(5),
                    SimTime.toSeconds(rs.getLong(8)));
        });
        return RecordTable.of("auth_graph on " + device.deviceName(), GrantRow.class, rows);
    }
}
