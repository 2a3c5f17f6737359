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
        wire.control(a.name, b.name, "punch", NatTraversal.CONTROL_BYTES);
        wire.control(b.name, a.name, "punch", NatTraversal.CONTROL_BYTES);
        long ab = wire.oneWay(a.name, b.name);
        long ba = wire.oneWay(b.name, a.name);
        boolean inB = b.box.inbound(fromA, toB.port(), now) == Verdict.PASS;
        boolean inA = a.box.inbound(fromB, toA.port(), now) == Verdict.PASS;
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
            wire.control(got.name, other.name, "punch", NatTraversal.CONTROL_BYTES);
            if (other.box.inbound(answer, otherPort.port(), now) == Verdict.PASS) {
                got.learned.put(other.name, seen);
                other.learned.put(got.name, answer);
                return new Result(true, (inB ? ab : ba) + (inB ? ba : ab), "punched after one answer");
            }
        }
        return Result.failed(a.type() + " ↔ " + b.type() + ": no punch possible");
    }
}
