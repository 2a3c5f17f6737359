package org.p2psim.net.nat;

/**
 * One coordinated hole punch between two NATed devices that know each other's address as the
 * rendezvous saw it: both send a punch packet at once; a side whose packet got in is answered at
 * the source it came from. The outcome is whatever the two {@link NatBox}es decide, so it follows
 * RFC 4787's rules: e.g. a symmetric NAT maps the punch to a new port that the other side's
 * port-restricted filter has never sent to.
 */
final class Punch {
    private Punch() {}

    record Result(boolean succeeded, long micros, String reason) {
        static Result failed(String reason) {
            return new Result(false, 0, reason);
        }
    }

    static Result run(NatNode a, NatNode b, long now, NatTraversal.Wire wire) {
        HostPort toB = b.advertised;
        HostPort toA = a.advertised;
        HostPort fromA = a.box.outbound(a.name, toB, now);
        HostPort fromB = b.box.outbound(b.name, toA, now);
        boolean arrivedB = wire.control(a.name, b.name, "punch", NatTraversal.CONTROL_BYTES);
        boolean arrivedA = wire.control(b.name, a.name, "punch", NatTraversal.CONTROL_BYTES);
        long ab = wire.oneWay(a.name, b.name);
        long ba = wire.oneWay(b.name, a.name);
        boolean passB = b.box.inbound(fromA, toB.port(), now) == Verdict.PASS;
        boolean passA = a.box.inbound(fromB, toA.port(), now) == Verdict.PASS;
        boolean inB = arrivedB && passB;
        boolean inA = arrivedA && passA;
        boolean lossy = passB && !arrivedB || passA && !arrivedA;
        if (inA && inB) {
            a.learned.put(b.name, fromB);
            b.learned.put(a.name, fromA);
            return new Result(true, Math.max(ab, ba), "punched");
        }
        if (inA || inB) {
            NatNode got = inB ? b : a;
            NatNode other = inB ? a : b;
            HostPort seen = inB ? fromA : fromB;
            HostPort otherPort = inB ? fromA : fromB;
            HostPort answer = got.box.outbound(got.name, seen, now);
            boolean arrived = wire.control(got.name, other.name, "punch", NatTraversal.CONTROL_BYTES);
            boolean pass = other.box.inbound(answer, otherPort.port(), now) == Verdict.PASS;
            lossy |= pass && !arrived;
            if (arrived && pass) {
                got.learned.put(other.name, seen);
                other.learned.put(got.name, answer);
                return new Result(true, (inB ? ab : ba) + (inB ? ba : ab), "punched after one answer");
            }
        }
        return Result.failed(a.type() + " ↔ " + b.type() + (lossy ? ": punch packets lost" : ": no punch possible"));
    }
}
