package org.p2psim.sync;

import java.nio.ByteBuffer;
import org.p2psim.event.EventId;
import org.p2psim.net.Packet;

/** Event ids on the wire (16 bytes, as hashed) and the room a packet leaves for a body. */
public final class Ids {
    /** Bytes of one id on the wire. */
    public static final int BYTES = EventId.BYTES;

    private Ids() {}

    public static void put(ByteBuffer out, EventId id) {
        out.putLong(id.high()).putLong(id.low());
    }

    public static EventId read(ByteBuffer in) {
        byte[] bytes = new byte[BYTES];
        in.get(bytes);
        return EventId.fromBytes(bytes);
    }

    /** Bytes a body may have so that its packet (header, body, signature) fits the context's MTU. */
    public static int bodyBudget(SyncContext context) {
        return Math.min(Packet.MAX_BODY, context.mtu() - Packet.OVERHEAD);
    }
}
