package org.p2psim.client;

import static org.p2psim.client.ClientDevice.requireId;

import org.p2psim.event.Grant;
import org.p2psim.sim.SimTime;
import org.p2psim.store.DeviceStore;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
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

    Table authGraph() {
        StringColumn id = StringColumn.create("event_id");
        StringColumn action = StringColumn.create("action");
        StringColumn subject = StringColumn.create("subject");
        StringColumn subjectName = StringColumn.create("subject_name");
        StringColumn user = StringColumn.create("account");
        StringColumn from = StringColumn.create("author");
        StringColumn invite = StringColumn.create("invite_id");
        LongColumn ts = LongColumn.create("ts");
        DoubleColumn received = DoubleColumn.create("received_s");
        store.select(AUTH_GRAPH, DeviceStore.Binder.NONE, rs -> {
            id.append(rs.getString(1));
            action.append(rs.getString(2));
            subject.append(rs.getString(3));
            subjectName.append(rs.getString(2).equals(Grant.Action.INVITE.label()) ? rs.getString(3) : device.nameOf(rs.getString(3)));
            user.append(rs.getString(4));
            from.append(device.nameOf(rs.getString(6)));
            invite.append(rs.getString(7) == null ? "" : rs.getString(7));
            ts.append(rs.getLong(5));
            received.append(SimTime.toSeconds(rs.getLong(8)));
            return null;
        });
        return Table.create("auth_graph on " + device.deviceName(), id, action, subject, subjectName, user, from, invite, ts, received);
    }
}
