package org.p2psim.sync;

import java.time.Duration;
import java.util.List;

/**
 * One parameter value as a configuration gives it (the scenario format's {@code Node} implements
 * this): each read returns a checked value or throws an error naming where the value came from.
 */
public interface ParamValue {

    boolean isMissing();

    long wholeNumber(long min, long max);

    double number(String allowed);

    boolean bool();

    Duration duration();

    String oneOf(List<String> allowed);

    String text(String allowed);

    /** The error "PATH must be ALLOWED, was VALUE" against this value. */
    RuntimeException mustBe(String allowed);

    /** The error "PATH DETAIL" against this value. */
    RuntimeException error(String detail);
}
